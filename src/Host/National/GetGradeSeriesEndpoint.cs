using System.Globalization;
using Marten;
using Microsoft.AspNetCore.Mvc;
using Tracker.Host.Common;
using Tracker.Projections.National;
using Wolverine.Http;

namespace Tracker.Host.National;

public static class GetGradeSeriesEndpoint
{
    /// <summary>
    /// The national (or, with region, regional) picture at every quarter end from `from` (default 2014-01-01) to `to`
    /// (default today), plus `to` itself: one call for a chart instead of one per quarter.
    /// </summary>
    [WolverineGet("/api/national/series", OperationId = "GetGradeSeries")]
    [ProducesResponseType(typeof(GradeSeries), 200, "application/json", "text/csv")]
    [ProducesResponseType(304)]
    [ProducesResponseType(typeof(ValidationProblemDetails), 400, "application/problem+json")]
    [ProducesResponseType(typeof(ProblemDetails), 404, "application/problem+json")]
    public static async Task<IResult> Get(string? area, string? region, string? from, string? to, string? knownAt,
        HttpContext http, IQuerySession session, TimeProvider clock, CancellationToken ct)
    {
        var (start, end) = GetGradeSeriesHandler.Range(from, to, clock);
        var read = ReadQuery.Parse(null, knownAt, clock);
        var scope = string.IsNullOrWhiteSpace(region) ? null : region.Trim();
        var query = new GetGradeSeries(ReadQuery.Area(area), start, end, read.KnownAt, scope);
        var (series, processed) = await GetGradeSeriesHandler.AnswerAsync(query, session, ct);
        if (processed is { } sequence)
            http.Response.Headers[GetNationalPictureEndpoint.ProcessedSequenceHeader] =
                sequence.ToString(CultureInfo.InvariantCulture);
        if (!ReadResults.WantsCsv(http)) return ReadResults.Json(http, series);
        var file = $"series-{series.Area}-{series.From:yyyy-MM-dd}-{series.To:yyyy-MM-dd}.csv";
        return ReadResults.Csv(http, file, GetGradeSeriesHandler.CsvHeader, GetGradeSeriesHandler.CsvRows(series));
    }
}
