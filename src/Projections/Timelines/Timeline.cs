using Tracker.Domain.Corrections;

namespace Tracker.Projections.Timelines;

/// <summary>
/// A live projection: an authority's timeline is folded from its own stream on every read. Streams are short (tens to a
/// few thousand facts), so the read costs one indexed query, while storing it (one document per fact, as before) doubled
/// the rows every write, import and rebuild had to write. See docs/read-models.md.
/// </summary>
public static class Timeline
{
    public static IReadOnlyList<TimelineEntry> Fold(string authorityId, IEnumerable<object> events)
    {
        var entries = new Dictionary<string, TimelineEntry>(StringComparer.Ordinal);
        // Withdrawn entries as they last stood, for a reinstatement to put back.
        var withdrawn = new Dictionary<string, TimelineEntry>(StringComparer.Ordinal);
        foreach (var data in events)
        {
            switch (data)
            {
                case MetricCorrected c when entries.TryGetValue(c.FactId, out var metric): entries[c.FactId] = metric.WithValue(c); break;
                case FactWithdrawn w:
                    if (entries.Remove(w.FactId, out var gone)) withdrawn[w.FactId] = gone;
                    break;
                case FactReinstated r:
                    if (withdrawn.Remove(r.FactId, out var back)) entries[r.FactId] = back;
                    break;
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
