using Microsoft.AspNetCore.Mvc;
using Marten;
using Tracker.Domain.Common;
using Tracker.Projections.Authorities;
using Wolverine.Http;

namespace Tracker.Host.Authorities;

public static class GetFactEndpoint
{
    /// <summary>A recorded fact with its corrections and withdrawal, if any.</summary>
    [WolverineGet("/api/authorities/{authority}/facts/{factId}", OperationId = "GetFact")]
    [ProducesResponseType(typeof(ProblemDetails), 404, "application/problem+json")]
    public static async Task<IReadOnlyList<FactEvent>> Get(string authority, string factId, IQuerySession session, CancellationToken ct)
    {
        var id = await AuthorityKeys.ResolveAsync(session, authority, ct) ?? throw Rejection.UnknownAuthority(authority);
        var history = await FactHistory.LoadAsync(session, id, factId, ct);
        return history.Count > 0 ? history : throw new Rejection(RejectionKind.NotFound, "Unknown fact", $"Authority {id} has no fact {factId}.");
    }
}
