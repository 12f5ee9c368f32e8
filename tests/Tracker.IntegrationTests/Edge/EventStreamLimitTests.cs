using System.Net;
using System.Net.ServerSentEvents;
using System.Threading.Channels;
using Alba;
using Microsoft.Extensions.DependencyInjection;
using Tracker.Host.Integrations;
using Tracker.IntegrationTests.Integrations;
using Tracker.IntegrationTests.Support;

namespace Tracker.IntegrationTests.Edge;

[Collection(EdgeCollection.Name)]
public sealed class EventStreamLimitTests(EdgeFixture fixture)
{
    private IAlbaHost Host => fixture.Host;

    [Fact]
    public async Task The_headers_are_sent_on_connect_before_any_event()
    {
        // Live, and nothing is recorded: a stream that sent its headers only with the first event would never connect.
        await using var stream = await OpenStream.ConnectAsync(Host, TestKeys.Writer);
        stream.Response.Content.Headers.ContentType!.MediaType.ShouldBe("text/event-stream");
        stream.Response.Headers.CacheControl!.NoCache.ShouldBeTrue();
    }

    [Fact]
    public async Task A_caller_may_hold_the_documented_number_of_streams_and_the_next_is_a_429_problem()
    {
        var open = new List<OpenStream>();
        try
        {
            for (var i = 0; i < EdgeFixture.MaxStreams; i++) open.Add(await OpenStream.ConnectAsync(Host, TestKeys.Reader));
            using var client = TrackerFixture.CreateClient(Host, TestKeys.Reader);
            using var refused = await client.GetAsync("/api/events/stream", HttpCompletionOption.ResponseHeadersRead);
            refused.StatusCode.ShouldBe(HttpStatusCode.TooManyRequests);
            refused.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
            (await refused.Content.ReadAsStringAsync()).ShouldContain("too_many_streams");

            // Another caller is not affected, and closing a stream frees its slot.
            open.Add(await OpenStream.ConnectAsync(Host, TestKeys.Admin));
            await open[0].DisposeAsync();
            open.RemoveAt(0);
            await Eventually.GetAsync(async () =>
            {
                using var again = await client.GetAsync("/api/events/stream", HttpCompletionOption.ResponseHeadersRead);
                return again.StatusCode;
            }, s => s == HttpStatusCode.OK, TimeSpan.FromSeconds(10), "a slot freed by closing a stream");
        }
        finally
        {
            foreach (var s in open) await s.DisposeAsync();
        }
    }

    [Fact]
    public async Task Three_streams_get_the_same_events_from_one_poll_loop()
    {
        var feed = Host.Services.GetRequiredService<EventFeed>();
        await using var first = await OpenStream.ConnectAsync(Host, TestKeys.Reader);
        var alone = await ReadsDuring(feed, TimeSpan.FromSeconds(2));
        await using var second = await OpenStream.ConnectAsync(Host, TestKeys.Writer);
        await using var third = await OpenStream.ConnectAsync(Host, TestKeys.Admin);
        var together = await ReadsDuring(feed, TimeSpan.FromSeconds(2));

        // One loop per stream would read about three times as often; one loop per node reads as often as before.
        alone.ShouldBeGreaterThan(3);
        together.ShouldBeLessThan(alone * 1.5 + 3);

        await Host.RecordInspectionAsync("380", $"https://files.ofsted.gov.uk/v1/file/{Guid.NewGuid():N}", new DateOnly(2024, 3, 1));
        var ids = new List<string?>();
        foreach (var s in new[] { first, second, third })
            ids.Add((await s.NextAsync(t => t.EventType == "tracker.inspection.recorded")).EventId);
        ids.Distinct().ShouldHaveSingleItem().ShouldNotBeNull();
    }

    private static async Task<double> ReadsDuring(EventFeed feed, TimeSpan window)
    {
        await Task.Delay(300); // let the new stream settle
        var before = feed.Reads;
        await Task.Delay(window);
        return feed.Reads - before;
    }
}

/// <summary>An open event stream whose items are read in the background.</summary>
public sealed class OpenStream : IAsyncDisposable
{
    private readonly HttpClient _client;
    private readonly CancellationTokenSource _stop = new();
    private readonly Channel<SseItem<string>> _items = Channel.CreateUnbounded<SseItem<string>>();
    private Task _reading = Task.CompletedTask;

    private OpenStream(HttpClient client, HttpResponseMessage response) => (_client, Response) = (client, response);

    public HttpResponseMessage Response { get; }

    public static async Task<OpenStream> ConnectAsync(IAlbaHost host, string key)
    {
        var client = TrackerFixture.CreateClient(host, key);
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60)); // generous: first-call codegen under load
        var response = await client.GetAsync("/api/events/stream", HttpCompletionOption.ResponseHeadersRead, timeout.Token);
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var stream = new OpenStream(client, response);
        stream._reading = stream.ReadAsync();
        return stream;
    }

    private async Task ReadAsync()
    {
        try
        {
            var body = await Response.Content.ReadAsStreamAsync(_stop.Token);
            await foreach (var item in SseParser.Create(body).EnumerateAsync(_stop.Token)) await _items.Writer.WriteAsync(item);
        }
        catch (Exception e) when (e is OperationCanceledException or IOException or ObjectDisposedException) { }
    }

    public async Task<SseItem<string>> NextAsync(Func<SseItem<string>, bool> match)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        while (true)
        {
            var item = await _items.Reader.ReadAsync(timeout.Token);
            if (match(item)) return item;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        Response.Dispose();
        await _reading;
        _client.Dispose();
        _stop.Dispose();
    }
}
