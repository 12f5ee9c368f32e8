using Microsoft.AspNetCore.Mvc;
using System.Net.ServerSentEvents;
using System.Runtime.CompilerServices;
using Marten;
using Tracker.Domain.Common;
using Wolverine.Http;

namespace Tracker.Host.Integrations;

public static class EventStreamEndpoint
{
    private static readonly TimeSpan Poll = TimeSpan.FromMilliseconds(250);

    /// <summary>
    /// Server-sent events: each message's id is the event's feed position, so a client that reconnects with
    /// <c>Last-Event-ID</c> continues exactly after it. Without it the stream starts at <c>after</c>, or live.
    /// </summary>
    [WolverineGet("/api/events/stream", OperationId = "StreamEvents")]
    [ProducesResponseType(typeof(string), 200, "text/event-stream")]
    [ProducesResponseType(typeof(ValidationProblemDetails), 400, "application/problem+json")]
    public static async Task<IResult> Get(string? after, string? type, string? authority, HttpContext http, IDocumentStore store,
        EventFeed feed, CancellationToken ct)
    {
        var resume = Cursor(http.Request.Headers["Last-Event-ID"].FirstOrDefault(), "Last-Event-ID") ?? Cursor(after, "after");
        await using var session = store.QuerySession();
        var filter = await FeedFilter.ParseAsync(session, type, authority, ct);
        var start = resume ?? FeedPosition.AfterAllOf(await HighWaterMark.ReadAsync(session, ct));
        http.Response.Headers["X-Accel-Buffering"] = "no";
        return TypedResults.ServerSentEvents(Read(http, store, feed, filter, start, ct));
    }

    private static FeedPosition? Cursor(string? text, string name) =>
        text is null ? null
        : FeedPosition.TryParse(text, out var position) ? position
        : throw Rejection.Invalid(new Dictionary<string, string[]> { [name] = [FeedPositionText.Expected(name)] });

    private static async IAsyncEnumerable<SseItem<string>> Read(HttpContext http, IDocumentStore store, EventFeed feed,
        FeedFilter filter, FeedPosition after,
        [EnumeratorCancellation] CancellationToken ct)
    {
        // The result has set the headers by now; send them at once, so a client sees 200 (and a browser's EventSource
        // opens) before the first matching event, which on a filtered or quiet stream may be long in coming.
        await http.Response.Body.FlushAsync(ct);
        while (!ct.IsCancellationRequested)
        {
            FeedPage? page = null;
            try
            {
                await using var session = store.QuerySession();
                page = await feed.ReadAsync(session, filter, after, EventFeed.MaxLimit, ct);
            }
            catch (SnapshotMissingException)
            {
                // A snapshot is being rebuilt: hold the stream at this position rather than skip the event.
            }
            if (page is null)
            {
                try { await Task.Delay(Poll, ct); }
                catch (OperationCanceledException) { yield break; }
                continue;
            }
            foreach (var e in page.Items)
                yield return new SseItem<string>(IntegrationJson.Serialize(e), e.Type) { EventId = e.Sequence.ToString() };
            if (page.Next == after)
            {
                try { await Task.Delay(Poll, ct); }
                catch (OperationCanceledException) { yield break; }
            }
            after = page.Next;
        }
    }
}
