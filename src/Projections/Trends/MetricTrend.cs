using Tracker.Domain.Metrics;
using Tracker.Projections.Timelines;

namespace Tracker.Projections.Trends;

/// <summary>One metric for one authority over time: the points by period and the change from the first to the last.</summary>
public sealed record MetricTrend(
    string AuthorityId,
    string Metric,
    string? Unit,
    IReadOnlyList<TrendPoint> Points,
    decimal? Change,
    string? ChangeUnit,
    string Direction,
    GuidelinePosition? Guideline);

/// <summary>Value is the figure compared: the value, or the midpoint of a quoted range.</summary>
public sealed record TrendPoint(string Period, DateOnly? From, DateOnly? To, decimal Value, decimal? Low, decimal? High, string Unit, string FactId, string ReportReference, bool Corrected);

/// <summary>Where the latest value sits against a guideline band (e.g. 50-70 children per IRO).</summary>
public sealed record GuidelinePosition(decimal Low, decimal High, string Position);

/// <summary>Guideline bands per metric; IRO caseloads default to the IRO handbook's 50-70 children per IRO.</summary>
public sealed class TrendOptions
{
    public Dictionary<string, decimal[]> Guidelines { get; set; } = new() { [MetricNames.Caseload] = [50m, 70m] };
}

public static class MetricTrends
{
    /// <summary>Metrics where a rise is bad news; every other metric improves as it rises.</summary>
    private static readonly HashSet<string> LowerIsBetter = [MetricNames.Caseload];

    public static IReadOnlyList<MetricTrend> For(string authorityId, IEnumerable<TimelineEntry> timeline, TrendOptions options) =>
        timeline.Where(e => e.Metric is not null).GroupBy(e => e.Metric!).OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => Build(authorityId, g.Key, g, options)).ToList();

    public static MetricTrend Build(string authorityId, string metric, IEnumerable<TimelineEntry> observations, TrendOptions options)
    {
        // Only dated periods can be ordered; an observation with an unknown period is on the timeline but not on the trend.
        var points = observations.Where(e => e.Metric == metric && e.PeriodTo is not null)
            .OrderBy(e => e.PeriodTo).ThenBy(e => e.PeriodFrom).ThenBy(e => e.FactId, StringComparer.Ordinal)
            .Select(e => new TrendPoint(e.Period!, e.PeriodFrom, e.PeriodTo, e.Value ?? ((e.Low ?? 0m) + (e.High ?? 0m)) / 2m,
                e.Low, e.High, e.Unit!, e.FactId, e.ReportReference, e.Corrected))
            .ToList();

        var first = points.FirstOrDefault();
        var last = points.LastOrDefault();
        var comparable = points.Count >= 2 && first!.Unit == last!.Unit;
        decimal? change = comparable ? last!.Value - first!.Value : null;
        var direction = change switch
        {
            null => points.Count < 2 ? "insufficient_data" : "not_comparable",
            0m => "unchanged",
            > 0m => LowerIsBetter.Contains(metric) ? "worsening" : "improving",
            _ => LowerIsBetter.Contains(metric) ? "improving" : "worsening",
        };
        var changeUnit = change is null ? null : last!.Unit == "percent" ? "percentage_points" : last.Unit;

        GuidelinePosition? guideline = null;
        if (last is not null && options.Guidelines.TryGetValue(metric, out var band) && band.Length == 2)
            guideline = new GuidelinePosition(band[0], band[1], last.Value < band[0] ? "below" : last.Value > band[1] ? "above" : "within");

        return new MetricTrend(authorityId, metric, last?.Unit, points, change, changeUnit, direction, guideline);
    }
}
