using Marten;
using Microsoft.Extensions.Options;
using Tracker.Domain.Common;
using Tracker.Host.Common;
using Tracker.Projections.Common;
using Tracker.Projections.Timelines;
using Tracker.Projections.Trends;

namespace Tracker.Host.Trends;

/// <summary>Query message: every metric trend of one authority. Metric narrows it to one (null: all).</summary>
public sealed record GetTrends(string Authority, DateOnly AsOf, DateTimeOffset? KnownAt = null);

/// <summary>Query message: one metric's trend for one authority.</summary>
public sealed record GetTrend(string Authority, string Metric, DateOnly AsOf, DateTimeOffset? KnownAt = null);

public sealed record AuthorityTrends(string AuthorityId, DateOnly AsOf, DateTimeOffset? KnownAt, IReadOnlyList<MetricTrend> Trends);

/// <summary>Trends are derived from the timeline's metric entries (periods ending on or before asOf), so they share its corrections.</summary>
public static class GetTrendsHandler
{
    public static readonly string[] CsvHeader =
        ["authority_id", "metric", "period", "period_from", "period_to", "value", "low", "high", "unit", "fact_id", "report_reference", "corrected", "trend_change", "trend_direction"];

    public static async Task<AuthorityTrends> Handle(GetTrends query, IQuerySession session, IOptions<TrendOptions> options, CancellationToken ct)
    {
        var id = await ReadModels.ResolveAsync(session, query.Authority, ct);
        var entries = Timeline.Ordered(await ReadModels.TimelineAsync(session, id, query.KnownAt, ct), query.AsOf);
        return new AuthorityTrends(id, query.AsOf, query.KnownAt, MetricTrends.For(id, entries, options.Value));
    }

    public static async Task<MetricTrend> Handle(GetTrend query, IQuerySession session, IOptions<TrendOptions> options, CancellationToken ct)
    {
        var all = await Handle(new GetTrends(query.Authority, query.AsOf, query.KnownAt), session, options, ct);
        return all.Trends.FirstOrDefault(t => t.Metric == query.Metric)
               ?? throw new Rejection(RejectionKind.NotFound, "No observations", $"Authority {all.AuthorityId} has no dated observations of {query.Metric} on or before {query.AsOf:yyyy-MM-dd}.");
    }

    public static IEnumerable<IReadOnlyList<object?>> CsvRows(IEnumerable<MetricTrend> trends) =>
        trends.SelectMany(t => t.Points.Select(p => (IReadOnlyList<object?>)
            [t.AuthorityId, t.Metric, p.Period, p.From, p.To, p.Value, p.Low, p.High, p.Unit, p.FactId, p.ReportReference, p.Corrected, t.Change, t.Direction]));
}
