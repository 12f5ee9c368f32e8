using Marten;
using Tracker.Domain.Common;
using Wolverine.Http;

namespace Tracker.Host.Integrations;

public static class GetEventsEndpoint
{
    /// <summary>
    /// The pull feed: integration events after a sequence, in order, never past the high-water mark.
    /// Pass the answer's <c>next</c> as <c>after</c> to continue.
    /// </summary>
    [WolverineGet("/api/events")]
    public static async Task<IResult> Get(long? after, int? limit, string? type, string? authority, IQuerySession session, EventFeed feed, CancellationToken ct)
    {
        if (after < 0 || limit is < 1 or > EventFeed.MaxLimit)
            throw Rejection.Invalid(new Dictionary<string, string[]>
            {
                [after < 0 ? "after" : "limit"] = [after < 0 ? "after must be 0 or more." : $"limit must be between 1 and {EventFeed.MaxLimit}."],
            });
        var filter = await FeedFilter.ParseAsync(session, type, authority, ct);
        var page = await feed.ReadAsync(session, filter, after ?? 0, limit ?? 100, ct);
        return Results.Json(page, IntegrationJson.Options);
    }
}
