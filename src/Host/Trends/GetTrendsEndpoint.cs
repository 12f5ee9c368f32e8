using Marten;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using Tracker.Host.Common;
using Tracker.Projections.Trends;
using Wolverine.Http;

namespace Tracker.Host.Trends;

public static class GetTrendsEndpoint
{
    /// <summary>Every metric's points by period, first-to-last change and direction, and guideline position where one is configured.</summary>
    [WolverineGet("/api/authorities/{authority}/trends", OperationId = "GetTrends")]
    [ProducesResponseType(typeof(AuthorityTrends), 200, "application/json", "text/csv")]
    [ProducesResponseType(304)]
    [ProducesResponseType(typeof(ValidationProblemDetails), 400, "application/problem+json")]
    [ProducesResponseType(typeof(ProblemDetails), 404, "application/problem+json")]
    public static async Task<IResult> Get(string authority, string? asOf, string? knownAt, HttpContext http, IQuerySession session,
        TimeProvider clock, IOptions<TrendOptions> options, CancellationToken ct)
    {
        var read = ReadQuery.Parse(asOf, knownAt, clock);
        var trends = await GetTrendsHandler.Handle(new GetTrends(authority, read.AsOf, read.KnownAt), session, options, ct);
        return ReadResults.WantsCsv(http)
            ? ReadResults.Csv(http, $"trends-{trends.AuthorityId}.csv", GetTrendsHandler.CsvHeader, GetTrendsHandler.CsvRows(trends.Trends))
            : ReadResults.Json(http, trends);
    }
}

public static class GetTrendEndpoint
{
    /// <summary>One metric's trend, e.g. iro_review_timeliness or iro_caseload.</summary>
    [WolverineGet("/api/authorities/{authority}/trends/{metric}", OperationId = "GetTrend")]
    [ProducesResponseType(typeof(MetricTrend), 200, "application/json", "text/csv")]
    [ProducesResponseType(304)]
    [ProducesResponseType(typeof(ValidationProblemDetails), 400, "application/problem+json")]
    [ProducesResponseType(typeof(ProblemDetails), 404, "application/problem+json")]
    public static async Task<IResult> Get(string authority, string metric, string? asOf, string? knownAt, HttpContext http, IQuerySession session,
        TimeProvider clock, IOptions<TrendOptions> options, CancellationToken ct)
    {
        var read = ReadQuery.Parse(asOf, knownAt, clock);
        var trend = await GetTrendsHandler.Handle(new GetTrend(authority, metric, read.AsOf, read.KnownAt), session, options, ct);
        return ReadResults.WantsCsv(http)
            ? ReadResults.Csv(http, $"trend-{trend.AuthorityId}-{trend.Metric}.csv", GetTrendsHandler.CsvHeader, GetTrendsHandler.CsvRows([trend]))
            : ReadResults.Json(http, trend);
    }
}
