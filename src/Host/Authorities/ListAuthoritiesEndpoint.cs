using System.Globalization;
using Marten;
using Microsoft.AspNetCore.Mvc;
using Tracker.Domain.Common;
using Tracker.Host.Common;
using Tracker.Projections.Authorities;
using Wolverine.Http;

namespace Tracker.Host.Authorities;

public static class ListAuthoritiesEndpoint
{
    public const int MaxPageSize = Paging.MaxPageSize;

    /// <summary>
    /// The register as at a date: authorities existing on asOf (all ever registered with includeDefunct=true), each with
    /// its grade in <c>area</c>. Filters: region (name, code or slug), grade (a grade or "ungraded"). Paged by page/pageSize
    /// with X-Total-Count and a Link rel="next"; Accept: text/csv gives the same page as CSV.
    /// </summary>
    [WolverineGet("/api/authorities", OperationId = "ListAuthorities")]
    [ProducesResponseType(typeof(AuthorityRow[]), 200, "application/json", "text/csv")]
    [ProducesResponseType(typeof(ValidationProblemDetails), 400, "application/problem+json")]
    public static async Task<IResult> Get(HttpContext http, IQuerySession session, TimeProvider clock, string? region, string? area, string? grade,
        bool? includeDefunct, string? asOf, string? knownAt, int? page, int? pageSize, CancellationToken ct)
    {
        var read = ReadQuery.Parse(asOf, knownAt, clock);
        var list = new ListAuthorities(region, ReadQuery.Area(area), grade, includeDefunct == true, read.AsOf, read.KnownAt, page ?? 1, Paging.Size(pageSize));
        var result = await ListAuthoritiesHandler.Handle(list, session, ct);

        http.Response.Headers["X-Total-Count"] = result.Total.ToString(CultureInfo.InvariantCulture);
        if (list.Page * list.PageSize < result.Total)
        {
            var next = QueryString.Create(http.Request.Query.Where(q => q.Key != "page").SelectMany(q => q.Value.Select(v => KeyValuePair.Create(q.Key, v))))
                .Add("page", (list.Page + 1).ToString(CultureInfo.InvariantCulture));
            http.Response.Headers.Link = $"<{http.Request.Path}{next}>; rel=\"next\"";
        }
        return ReadResults.WantsCsv(http)
            ? ReadResults.Csv(http, $"authorities-{list.Area}-{read.AsOf:yyyy-MM-dd}.csv", AuthorityRow.CsvHeader, result.Rows.Select(r => r.CsvCells))
            : Results.Ok(result.Rows);
    }
}
