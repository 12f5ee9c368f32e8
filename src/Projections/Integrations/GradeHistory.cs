using JasperFx.Events;
using Tracker.Domain.Common;
using Tracker.Domain.Corrections;
using Tracker.Domain.Inspections;
using Tracker.Projections.CurrentGrades;

namespace Tracker.Projections.Integrations;

/// <summary>The authority's previous graded inspection, for comparison.</summary>
public sealed record PreviousInspection(
    string FactId, string Framework, DateOnly? PublishedOn, IReadOnlyDictionary<string, string> Grades);

/// <summary>One judgement area whose grade moved; direction is improved, declined or changed (no rank to compare).</summary>
public sealed record GradeChange(string Area, string? From, string To, string Direction);

/// <summary>What an inspection did to the authority's latest grades: the inspection it follows and the areas that moved.</summary>
public sealed record GradeShift(PreviousInspection? Previous, IReadOnlyList<GradeChange> Changes);

/// <summary>
/// Replays an authority stream's inspections, corrections and withdrawals to find, for any version, which graded
/// inspection was the latest just before it, by the rule of the current grade (<see cref="LatestInspection"/>), so a
/// grade-changed event is published exactly when <c>/current</c>'s answer moves.
/// </summary>
public sealed class GradeHistory(IReadOnlyList<IEvent> stream)
{
    public GradeShift Before(long version, string factId, InspectionDetails now)
    {
        var inspections = new List<InspectionItem>();
        var withdrawn = new Dictionary<string, InspectionItem>(StringComparer.Ordinal);
        foreach (var e in stream.Where(e => e.Version < version))
        {
            switch (e.Data)
            {
                case FactWithdrawn w when inspections.FindIndex(i => i.FactId == w.FactId) is var at and >= 0:
                    withdrawn[w.FactId] = inspections[at];
                    inspections.RemoveAt(at);
                    break;
                case FactReinstated r when withdrawn.Remove(r.FactId, out var back): inspections.Add(back); break;
                case InspectionRecorded r: inspections.Add(InspectionItem.From(r.FactId, r.Details)); break;
                case InspectionCorrected c: Replace(inspections, InspectionItem.From(c.FactId, c.Corrected)); break;
                case InspectionEnriched x: Replace(inspections, InspectionItem.From(x.FactId, x.Enriched)); break;
            }
        }

        var latestBefore = LatestInspection.Of(inspections, DateOnly.MaxValue);
        var item = InspectionItem.From(factId, now);
        var after = inspections.Where(i => i.FactId != factId).Append(item);
        var latestAfter = LatestInspection.Of(after, DateOnly.MaxValue);
        // A correction compares with the fact's own earlier content; a new report with the one it follows.
        var previous = inspections.FirstOrDefault(i => i.FactId == factId) ?? latestBefore;
        if (previous is null) return new GradeShift(null, []);

        var previousRef = new PreviousInspection(previous.FactId, previous.Framework.ToWire(), previous.PublishedOn,
            Wire(previous.Grades));
        // Only a report that is (still) the authority's latest moves its current grades.
        if (latestAfter?.FactId != factId || (latestBefore?.FactId is { } lb && lb != previous.FactId))
            return new GradeShift(previousRef, []);
        return new GradeShift(previousRef, Changes(previous.Grades, item.Grades));
    }

    public static IReadOnlyDictionary<string, string> Wire(IReadOnlyDictionary<string, Grade> grades) =>
        grades.ToDictionary(g => g.Key, g => g.Value.ToWire());

    private static List<GradeChange> Changes(IReadOnlyDictionary<string, Grade> from, IReadOnlyDictionary<string, Grade> to) =>
        to.Where(t => from.TryGetValue(t.Key, out var f) && f != t.Value)
            .Select(t => new GradeChange(t.Key, from[t.Key].ToWire(), t.Value.ToWire(), Direction(from[t.Key], t.Value)))
            .ToList();

    private static string Direction(Grade from, Grade to) =>
        !from.IsGraded() || !to.IsGraded() ? "changed" : to.Rank() > from.Rank() ? "improved" : "declined";

    private static void Replace(List<InspectionItem> list, InspectionItem item)
    {
        var at = list.FindIndex(i => i.FactId == item.FactId);
        if (at >= 0) list[at] = item;
    }
}
