using Marten;
using Microsoft.AspNetCore.Mvc;
using Tracker.Host.Common;
using Tracker.Projections.CurrentGrades;
using Wolverine.Http;

namespace Tracker.Host.CurrentGrades;

public static class GetCurrentGradeEndpoint
{
    /// <summary>The latest graded inspection on or before asOf, the previous one, direction per area, the next-inspection window and recent visits.</summary>
    [WolverineGet("/api/authorities/{authority}/current", OperationId = "GetCurrentGrade")]
    [ProducesResponseType(typeof(CurrentGrade), 200, "application/json")]
    [ProducesResponseType(304)]
    [ProducesResponseType(typeof(ValidationProblemDetails), 400, "application/problem+json")]
    [ProducesResponseType(typeof(ProblemDetails), 404, "application/problem+json")]
    public static async Task<IResult> Get(string authority, string? asOf, string? knownAt, HttpContext http, IQuerySession session, TimeProvider clock, CancellationToken ct)
    {
        var read = ReadQuery.Parse(asOf, knownAt, clock);
        return ReadResults.Json(http, await GetCurrentGradeHandler.Handle(new GetCurrentGrade(authority, read.AsOf, read.KnownAt), session, ct));
    }
}
