using System.Net.ServerSentEvents;
using Alba;
using Tracker.IntegrationTests.Support;

namespace Tracker.IntegrationTests.Integrations;

public sealed class EventStreamTests(TrackerFixture fixture) : IntegrationTest(fixture)
{
    public static async Task<List<SseItem<string>>> ReadStreamAsync(IAlbaHost host, string url, int count, string? lastEventId = null)
    {
        using var client = host.Server.CreateClient();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        if (lastEventId is not null) request.Headers.Add("Last-Event-ID", lastEventId);
        using var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeout.Token);
        response.EnsureSuccessStatusCode();
        response.Content.Headers.ContentType!.MediaType.ShouldBe("text/event-stream");
        var items = new List<SseItem<string>>();
        await foreach (var item in SseParser.Create(await response.Content.ReadAsStreamAsync(timeout.Token)).EnumerateAsync(timeout.Token))
        {
            items.Add(item);
            if (items.Count == count) break;
        }
        return items;
    }

    [Fact]
    public async Task Resuming_with_Last_Event_ID_continues_exactly_after_that_event()
    {
        for (var i = 1; i <= 4; i++)
            await Host.RecordInspectionAsync("380", $"https://files.ofsted.gov.uk/v1/file/{i}", new DateOnly(2023, 1, 1).AddMonths(i * 3));
        var feed = (await Host.EventsEventuallyAsync(4, "&type=tracker.inspection.recorded")).ToList();

        var resumed = await ReadStreamAsync(Host, "/api/events/stream?type=tracker.inspection.recorded", 2, lastEventId: feed[1].Sequence.ToString());

        resumed.Select(i => i.EventId).ShouldBe([feed[2].Sequence.ToString(), feed[3].Sequence.ToString()]);
        resumed.Select(i => i.EventType).ShouldAllBe(t => t == "tracker.inspection.recorded");
        resumed[0].Data.ShouldContain($"\"id\":\"{feed[2].Id}\"");
    }

    [Fact]
    public async Task The_stream_delivers_an_event_recorded_after_the_client_connected()
    {
        var reading = ReadStreamAsync(Host, "/api/events/stream?authority=bradford", 1);
        await Task.Delay(500);
        await Host.RecordInspectionAsync("leeds", "https://files.ofsted.gov.uk/v1/file/9", new DateOnly(2024, 3, 1));
        await Host.RecordInspectionAsync("bradford", "https://files.ofsted.gov.uk/v1/file/1", new DateOnly(2024, 3, 1));

        var item = (await reading).ShouldHaveSingleItem();
        item.Data.ShouldContain("\"subject\":\"380\"");
    }

    [Fact]
    public async Task A_Last_Event_ID_that_is_not_a_sequence_is_a_400()
    {
        await Host.Scenario(s =>
        {
            s.Get.Url("/api/events/stream");
            s.WithRequestHeader("Last-Event-ID", "abc");
            s.StatusCodeShouldBe(400);
        });
    }
}
