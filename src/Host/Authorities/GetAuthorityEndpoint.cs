using Microsoft.AspNetCore.Mvc;
using Marten;
using Tracker.Domain.Common;
using Wolverine.Http;
using Tracker.Projections.Authorities;

namespace Tracker.Host.Authorities;

public static class GetAuthorityEndpoint
{
    /// <summary>One authority's register entry, by DfE code, GSS code, Ofsted URN or slug. The ETag is its stream version.</summary>
    [WolverineGet("/api/authorities/{authority}", OperationId = "GetAuthority")]
    [ProducesResponseType(typeof(AuthorityEntry), 200, "application/json")]
    [ProducesResponseType(304)]
    [ProducesResponseType(typeof(ProblemDetails), 404, "application/problem+json")]
    public static async Task<IResult> Get(string authority, HttpContext http, IQuerySession session, CancellationToken ct)
    {
        var found = await AuthorityKeys.LoadAsync(session, authority, ct) ?? throw Rejection.UnknownAuthority(authority);
        var etag = $"\"{found.Version}\"";
        http.Response.Headers.ETag = etag;
        if (http.Request.Headers.IfNoneMatch.Any(v => v == etag || v == "*")) return Results.StatusCode(StatusCodes.Status304NotModified);
        return Results.Ok(AuthorityEntry.From(found));
    }
}
