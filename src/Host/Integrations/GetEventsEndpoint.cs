using Microsoft.AspNetCore.Mvc;
using Marten;
using Tracker.Domain.Common;
using Wolverine.Http;

namespace Tracker.Host.Integrations;

public static class GetEventsEndpoint
{
    /// <summary>
    /// The pull feed: integration events after a feed position (or a plain sequence number), in order, never past the high-water mark.
    /// Pass the answer's <c>next</c> as <c>after</c> to continue.
    /// </summary>
    [WolverineGet("/api/events", OperationId = "GetEvents")]
    [ProducesResponseType(typeof(FeedPage), 200, "application/json")]
    [ProducesResponseType(typeof(ValidationProblemDetails), 400, "application/problem+json")]
    public static async Task<IResult> Get(string? after, int? limit, string? type, string? authority, IQuerySession session,
        EventFeed feed, CancellationToken ct)
    {
        var position = default(FeedPosition);
        if (after is not null && !FeedPosition.TryParse(after, out position))
            throw Rejection.Invalid(new Dictionary<string, string[]> { ["after"] = [FeedPositionText.Expected("after")] });
        if (limit is < 1 or > EventFeed.MaxLimit)
            throw Rejection.Invalid(new Dictionary<string, string[]>
            {
                ["limit"] = [$"limit must be between 1 and {EventFeed.MaxLimit}."],
            });
        var filter = await FeedFilter.ParseAsync(session, type, authority, ct);
        var page = await feed.ReadAsync(session, filter, position, limit ?? 100, ct);
        return Results.Json(page, IntegrationJson.Options);
    }
}
