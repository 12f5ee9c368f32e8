using JasperFx.Events;
using Tracker.Domain.Common;
using Tracker.Domain.Corrections;
using Tracker.Domain.Inspections;

namespace Tracker.Host.Integrations;

/// <summary>What an inspection did to the authority's latest grades: the inspection it follows and the areas that moved.</summary>
public sealed record GradeShift(PreviousInspection? Previous, IReadOnlyList<GradeChange> Changes);

/// <summary>
/// Replays an authority stream's inspections, corrections and withdrawals to find, for any version, which graded
/// inspection was the latest just before it. The latest is the one published last; ties go to the one recorded last.
/// </summary>
public sealed class GradeHistory(IReadOnlyList<IEvent> stream)
{
    public GradeShift Before(long version, string factId, InspectionDetails now)
    {
        var inspections = new List<(string FactId, InspectionDetails Details)>();
        var withdrawn = new Dictionary<string, InspectionDetails>(StringComparer.Ordinal);
        foreach (var e in stream.Where(e => e.Version < version))
        {
            switch (e.Data)
            {
                case FactWithdrawn w when inspections.FindIndex(i => i.FactId == w.FactId) is var at and >= 0:
                    withdrawn[w.FactId] = inspections[at].Details;
                    inspections.RemoveAt(at);
                    break;
                case FactReinstated r when withdrawn.Remove(r.FactId, out var back): inspections.Add((r.FactId, back)); break;
                case InspectionRecorded r: inspections.Add((r.FactId, r.Details)); break;
                case InspectionCorrected c: Replace(inspections, c.FactId, c.Corrected); break;
                case InspectionEnriched x: Replace(inspections, x.FactId, x.Enriched); break;
            }
        }

        var latestBefore = Latest(inspections);
        var after = inspections.Where(i => i.FactId != factId).Append((factId, now)).ToList();
        var latestAfter = Latest(after);
        // A correction compares with the fact's own earlier content; a new report with the one it follows.
        var previous = inspections.FirstOrDefault(i => i.FactId == factId) is { FactId: not null } own ? own : latestBefore;
        if (previous is not { } p || p.FactId is null) return new GradeShift(null, []);

        var previousRef = new PreviousInspection(p.FactId, p.Details.Framework.ToWire(), p.Details.Dates.PublishedOn, Wire(p.Details.Grades));
        // Only a report that is (still) the authority's latest moves its current grades.
        if (latestAfter?.FactId != factId || (latestBefore?.FactId is { } lb && lb != p.FactId))
            return new GradeShift(previousRef, []);
        return new GradeShift(previousRef, Changes(p.Details.Grades, now.Grades));
    }

    public static IReadOnlyDictionary<string, string> Wire(IReadOnlyDictionary<string, Grade> grades) =>
        grades.ToDictionary(g => g.Key, g => g.Value.ToWire());

    private static List<GradeChange> Changes(IReadOnlyDictionary<string, Grade> from, IReadOnlyDictionary<string, Grade> to) =>
        to.Where(t => from.TryGetValue(t.Key, out var f) && f != t.Value)
            .Select(t => new GradeChange(t.Key, from[t.Key].ToWire(), t.Value.ToWire(), Direction(from[t.Key], t.Value)))
            .ToList();

    private static string Direction(Grade from, Grade to) =>
        !from.IsGraded() || !to.IsGraded() ? "changed" : to.Rank() > from.Rank() ? "improved" : "declined";

    private static (string FactId, InspectionDetails Details)? Latest(List<(string FactId, InspectionDetails Details)> inspections) =>
        inspections.Count == 0 ? null
            : inspections.Select((i, n) => (i, n))
                .OrderBy(x => x.i.Details.Dates.PublishedOn ?? x.i.Details.Dates.EndDate ?? DateOnly.MinValue).ThenBy(x => x.n)
                .Last().i;

    private static void Replace(List<(string FactId, InspectionDetails Details)> list, string factId, InspectionDetails details)
    {
        var at = list.FindIndex(i => i.FactId == factId);
        if (at >= 0) list[at] = (factId, details);
    }
}
