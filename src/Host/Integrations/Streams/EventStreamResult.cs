using System.Net.ServerSentEvents;
using System.Text;
using Microsoft.AspNetCore.Http.Features;

namespace Tracker.Host.Integrations;

/// <summary>
/// Writes an event stream: the headers go out at once (a client, or a proxy's read timeout, learns the stream is open
/// before the first event, which may be hours away), then each event as it comes. The caller's slot is released when
/// the stream ends, however it ends.
/// </summary>
public sealed class EventStreamResult(IAsyncEnumerable<CloudEvent> events, IDisposable slot) : IResult
{
    public async Task ExecuteAsync(HttpContext http)
    {
        using var _ = slot;
        var ct = http.RequestAborted;
        http.Response.ContentType = "text/event-stream";
        http.Response.Headers.CacheControl = "no-cache";
        http.Response.Headers["X-Accel-Buffering"] = "no";
        http.Features.Get<IHttpResponseBodyFeature>()?.DisableBuffering();
        try
        {
            await http.Response.StartAsync(ct);
            await http.Response.Body.FlushAsync(ct);
            await SseFormatter.WriteAsync(Items(events, ct), http.Response.Body,
                (item, writer) => System.Buffers.BuffersExtensions.Write(writer, Encoding.UTF8.GetBytes(item.Data)), ct);
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            // The client went away: the normal end of a stream.
        }
    }

    private static async IAsyncEnumerable<SseItem<string>> Items(IAsyncEnumerable<CloudEvent> events,
        [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken ct)
    {
        await foreach (var e in events.WithCancellation(ct))
            yield return new SseItem<string>(IntegrationJson.Serialize(e), e.Type) { EventId = e.Sequence.ToString() };
    }
}
