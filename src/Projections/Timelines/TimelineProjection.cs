using JasperFx.Events;
using Marten;
using Marten.Events.Projections;
using Marten.Patching;
using Tracker.Domain.Corrections;

namespace Tracker.Projections.Timelines;

/// <summary>Inline, one document per fact: a write touches only the fact it records, corrects or withdraws.</summary>
public sealed partial class TimelineProjection : EventProjection
{
    public TimelineProjection() => Name = "Timeline";

    public override ValueTask ApplyAsync(IDocumentOperations operations, IEvent e, CancellationToken cancellation)
    {
        var authorityId = e.StreamKey!;
        switch (e.Data)
        {
            case MetricCorrected c:
                operations.Patch<TimelineEntry>(TimelineEntry.IdFor(authorityId, c.FactId))
                    .Set(x => x.Value, c.Corrected.Value).Set(x => x.Low, c.Corrected.Low).Set(x => x.High, c.Corrected.High)
                    .Set(x => x.Unit, c.Corrected.Unit).Set(x => x.Corrected, true).Set(x => x.RecordedAt, c.Recorded.At);
                break;
            case FactWithdrawn w:
                operations.Delete<TimelineEntry>(TimelineEntry.IdFor(authorityId, w.FactId));
                break;
            default:
                if (TimelineEntry.From(authorityId, e.Data) is { } entry) operations.Store(entry);
                break;
        }
        return ValueTask.CompletedTask;
    }
}

/// <summary>The same rules as <see cref="TimelineProjection"/>, folded in memory for as-known-at reads and tests.</summary>
public static class Timeline
{
    public static IReadOnlyList<TimelineEntry> Fold(string authorityId, IEnumerable<object> events)
    {
        var entries = new Dictionary<string, TimelineEntry>(StringComparer.Ordinal);
        foreach (var data in events)
        {
            switch (data)
            {
                case MetricCorrected c when entries.TryGetValue(c.FactId, out var metric): entries[c.FactId] = metric.WithValue(c); break;
                case FactWithdrawn w: entries.Remove(w.FactId); break;
                default:
                    if (TimelineEntry.From(authorityId, data) is { } entry) entries[entry.FactId] = entry;
                    break;
            }
        }
        return entries.Values.ToList();
    }

    /// <summary>
    /// Date order. Undated facts are never given a date: those whose framework era is known sit at the start of that era
    /// (after anything dated that day), the rest come last, each flagged <c>undated</c>.
    /// </summary>
    public static IReadOnlyList<TimelineEntry> Ordered(IEnumerable<TimelineEntry> entries, DateOnly? asOf) =>
        entries.Where(e => asOf is null || (e.Date ?? EraStart(e.Era)) is not { } placed || placed <= asOf)
            .OrderBy(e => e.Date ?? EraStart(e.Era) ?? DateOnly.MaxValue)
            .ThenBy(e => e.Undated)
            .ThenBy(e => e.Kind, StringComparer.Ordinal)
            .ThenBy(e => e.FactId, StringComparer.Ordinal)
            .ToList();

    private static DateOnly? EraStart(string? era) =>
        Enum.GetValues<Tracker.Domain.Common.FrameworkVersion>().Where(f => Tracker.Domain.Common.Frameworks.ToWire(f) == era)
            .Select(f => (DateOnly?)Tracker.Domain.Common.Frameworks.FirstPublication(f)).FirstOrDefault();
}
