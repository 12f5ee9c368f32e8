using Microsoft.AspNetCore.Mvc;
using Marten;
using Tracker.Domain.Common;
using Tracker.Host.Hosting;
using Wolverine.Http;

namespace Tracker.Host.Integrations;

public static class EventStreamEndpoint
{
    /// <summary>
    /// Server-sent events: each message's id is the event's feed position, so a client that reconnects with
    /// <c>Last-Event-ID</c> continues exactly after it. Without it the stream starts at <c>after</c>, or live.
    /// A caller may hold <c>Tracker:Integrations:MaxStreamsPerCaller</c> streams open per node (5; anonymous callers
    /// <c>MaxStreamsPerAddress</c> per address, 50); another is a 429.
    /// </summary>
    [WolverineGet("/api/events/stream", OperationId = "StreamEvents")]
    [ProducesResponseType(typeof(string), 200, "text/event-stream")]
    [ProducesResponseType(typeof(ValidationProblemDetails), 400, "application/problem+json")]
    [ProducesResponseType(typeof(ProblemDetails), 429, "application/problem+json")]
    public static async Task<IResult> Get(string? after, string? type, string? authority, HttpContext http, IDocumentStore store,
        EventBroadcast broadcast, StreamSlots slots, CancellationToken ct)
    {
        var resume = Cursor(http.Request.Headers["Last-Event-ID"].FirstOrDefault(), "Last-Event-ID") ?? Cursor(after, "after");
        await using var session = store.QuerySession();
        var filter = await FeedFilter.ParseAsync(session, type, authority, ct);
        var start = resume ?? FeedPosition.AfterAllOf(await HighWaterMark.ReadAsync(session, ct));
        var caller = RequestLimits.CallerOf(http);
        if (slots.TryTake(caller) is not { } slot)
            return Results.Problem(statusCode: 429, title: "Too many event streams",
                detail: $"This caller may hold {slots.LimitFor(caller)} event streams open at once; close one first.",
                extensions: new Dictionary<string, object?> { ["code"] = "too_many_streams" });
        return new EventStreamResult(broadcast.ReadAsync(filter, start, http.RequestAborted), slot);
    }

    private static FeedPosition? Cursor(string? text, string name) =>
        text is null ? null
        : FeedPosition.TryParse(text, out var position) ? position
        : throw Rejection.Invalid(new Dictionary<string, string[]> { [name] = [FeedPositionText.Expected(name)] });
}
