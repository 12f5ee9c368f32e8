using System.Collections.Concurrent;
using System.Text.Json;
using Microsoft.Extensions.Hosting;
using Tracker.IntegrationTests.Support;
using Wolverine;
using Wolverine.Attributes;
using Wolverine.Postgresql;

namespace Tracker.IntegrationTests.Integrations;

/// <summary>What another Wolverine application declares: any type with Tracker's message identity will do.</summary>
[MessageIdentity("tracker.cloudevent.v1")]
public sealed record TrackerCloudEvent(string CloudEvent);

public sealed class TrackerCloudEventHandler
{
    public static readonly ConcurrentQueue<string> Received = new();
    public static void Handle(TrackerCloudEvent message) => Received.Enqueue(message.CloudEvent);
}

public sealed class TransportSubscriberTests(TrackerFixture fixture) : IntegrationTest(fixture)
{
    [Fact]
    public async Task Another_Wolverine_application_listening_to_the_queue_receives_the_cloud_event()
    {
        using var subscriber = await StartSubscriberAsync();
        try
        {
            await Host.RecordInspectionAsync("380", "https://files.ofsted.gov.uk/v1/file/5", new DateOnly(2024, 3, 1));
            var id = (await Host.EventsEventuallyAsync(1)).Single().Id;

            var body = await Eventually.GetAsync(() => Task.FromResult(TrackerCloudEventHandler.Received.FirstOrDefault(b => b.Contains(id))),
                b => b is not null, TimeSpan.FromSeconds(20), "the transport message");
            using var json = JsonDocument.Parse(body!);
            json.RootElement.GetProperty("id").GetString().ShouldBe(id);
            json.RootElement.GetProperty("type").GetString().ShouldBe("tracker.inspection.recorded");
        }
        finally
        {
            await subscriber.StopAsync();
        }
    }

    private async Task<IHost> StartSubscriberAsync()
    {
        // Exactly the configuration docs/integrations.md gives subscribers.
        var host = Microsoft.Extensions.Hosting.Host.CreateDefaultBuilder()
            .UseWolverine(opts =>
            {
                opts.Discovery.DisableConventionalDiscovery().IncludeType<TrackerCloudEventHandler>();
                opts.UsePostgresqlPersistenceAndTransport(Fixture.ConnectionString, "subscriber_app", transportSchema: "wolverine_queues");
                opts.ListenToPostgresqlQueue("tracker_events");
            }).Build();
        await host.StartAsync();
        return host;
    }
}
