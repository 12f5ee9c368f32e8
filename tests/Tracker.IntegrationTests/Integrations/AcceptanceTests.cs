using Npgsql;
using Tracker.IntegrationTests.Support;

namespace Tracker.IntegrationTests.Integrations;

public sealed class AcceptanceTests(TrackerFixture fixture) : IntegrationTest(fixture)
{
    [Fact]
    public async Task Recording_an_inspection_over_HTTP_reaches_the_feed_the_stream_a_webhook_and_the_transport_with_one_id()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        receiver.Secret = (await Host.SubscribeAsync(new { url = receiver.Url })).Secret!;
        var streaming = EventStreamTests.ReadStreamAsync(Host, "/api/events/stream", 1);
        await Task.Delay(500);
        var started = DateTime.UtcNow;

        await Host.RecordInspectionAsync("bradford", "https://files.ofsted.gov.uk/v1/file/77", new DateOnly(2024, 3, 1));

        var feedItem = (await Host.EventsEventuallyAsync(1)).ShouldHaveSingleItem();
        var sse = (await streaming).ShouldHaveSingleItem();
        await Eventually.TrueAsync(() => !receiver.Received.IsEmpty, TimeSpan.FromSeconds(10), "the webhook");
        var transportBody = await Eventually.GetAsync(() => TransportMessageContainingAsync(feedItem.Id), b => b is not null,
            TimeSpan.FromSeconds(10), "the transport message");
        (DateTime.UtcNow - started).ShouldBeLessThan(TimeSpan.FromSeconds(10));

        sse.EventId.ShouldBe(feedItem.Sequence.ToString());
        sse.Data.ShouldContain($"\"id\":\"{feedItem.Id}\"");
        var webhook = receiver.Received.ShouldHaveSingleItem();
        webhook.SignatureValid.ShouldBeTrue();
        webhook.Id.ShouldBe(feedItem.Id);
        webhook.Body.ShouldBe(sse.Data);
        transportBody!.ShouldContain(feedItem.Id);
    }

    /// <summary>Reads the PostgreSQL transport queue table directly: the message (a serialised envelope) waits there for a .NET subscriber.</summary>
    private async Task<string?> TransportMessageContainingAsync(string id)
    {
        await using var connection = new NpgsqlConnection(Fixture.ConnectionString);
        await connection.OpenAsync();
        await using var find = new NpgsqlCommand(
            "select table_schema from information_schema.tables where table_name = 'wolverine_queue_tracker_events'", connection);
        if (await find.ExecuteScalarAsync() is not string schema) return null;
        await using var read = new NpgsqlCommand($"select body from {schema}.wolverine_queue_tracker_events", connection);
        await using var rows = await read.ExecuteReaderAsync();
        while (await rows.ReadAsync())
            if (System.Text.Encoding.UTF8.GetString((byte[])rows[0]) is var body && body.Contains(id)) return body;
        return null;
    }
}
