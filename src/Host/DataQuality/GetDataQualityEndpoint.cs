using System.Globalization;
using Marten;
using Microsoft.AspNetCore.Mvc;
using Tracker.Domain.Common;
using Tracker.Domain.DataQuality;
using Tracker.Host.Common;
using Tracker.Projections.Common;
using Tracker.Projections.DataQuality;
using Wolverine.Http;

namespace Tracker.Host.DataQuality;

public static class GetDataQualityEndpoint
{
    /// <summary>
    /// Every data-quality note, open or settled, with where it is and why: filter by authority (any code or slug),
    /// reason and status (open, resolved, withdrawn). Accept: text/csv gives the same rows as CSV.
    /// </summary>
    [WolverineGet("/api/data-quality", OperationId = "GetDataQuality")]
    [ProducesResponseType(typeof(DataQualityRow[]), 200, "application/json", "text/csv")]
    [ProducesResponseType(typeof(ValidationProblemDetails), 400, "application/problem+json")]
    [ProducesResponseType(typeof(ProblemDetails), 404, "application/problem+json")]
    public static async Task<IResult> Get(HttpContext http, IQuerySession session, string? authority, string? reason,
        string? status, CancellationToken ct)
    {
        var errors = new Errors();
        if (reason is not null && !DataQualityReasons.All.Contains(reason))
            errors.Add("reason", $"must be one of {string.Join(", ", DataQualityReasons.All)}.");
        NoteStatus? wanted = status switch
        {
            null => null,
            "open" => NoteStatus.Open,
            "resolved" => NoteStatus.Resolved,
            "withdrawn" => NoteStatus.Withdrawn,
            _ => Invalid(errors),
        };
        errors.ThrowIfAny();
        var id = authority is null ? null : await ReadModels.ResolveAsync(session, authority, ct);

        var rows = await DataQualityReport.QueryAsync(session, id, reason, wanted, ct);
        http.Response.Headers["X-Total-Count"] = rows.Count.ToString(CultureInfo.InvariantCulture);
        return ReadResults.WantsCsv(http)
            ? ReadResults.Csv(http, "data-quality.csv", DataQualityRow.CsvHeader, rows.Select(r => r.CsvCells))
            : ReadResults.Json(http, rows);
    }

    private static NoteStatus? Invalid(Errors errors)
    {
        errors.Add("status", "must be one of open, resolved, withdrawn.");
        return null;
    }
}
