using Marten;
using Microsoft.AspNetCore.Mvc;
using Tracker.Host.Common;
using Wolverine.Http;

namespace Tracker.Host.Timelines;

public static class GetTimelineEndpoint
{
    /// <summary>Every inspection, visit, JTAI, finding and metric observation in date order; undated facts are flagged, never given a date.</summary>
    [WolverineGet("/api/authorities/{authority}/timeline", OperationId = "GetTimeline")]
    [ProducesResponseType(typeof(AuthorityTimeline), 200, "application/json", "text/csv")]
    [ProducesResponseType(304)]
    [ProducesResponseType(typeof(ValidationProblemDetails), 400, "application/problem+json")]
    [ProducesResponseType(typeof(ProblemDetails), 404, "application/problem+json")]
    public static async Task<IResult> Get(string authority, string? asOf, string? knownAt, HttpContext http, IQuerySession session, TimeProvider clock, CancellationToken ct)
    {
        var read = ReadQuery.Parse(asOf, knownAt, clock);
        var timeline = await GetTimelineHandler.Handle(new GetTimeline(authority, read.AsOf, read.KnownAt), session, ct);
        return ReadResults.WantsCsv(http)
            ? ReadResults.Csv(http, $"timeline-{timeline.AuthorityId}.csv", GetTimelineHandler.CsvHeader, timeline.Entries.Select(GetTimelineHandler.CsvCells))
            : ReadResults.Json(http, timeline);
    }
}
