using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Tracker.IntegrationTests.Support;
using Tracker.Samples.QueueSubscriber;

namespace Tracker.IntegrationTests.Integrations;

/// <summary>samples/QueueSubscriber, a separate Wolverine application, consuming the Host's transport queue.</summary>
public sealed class TransportSubscriberTests(TrackerFixture fixture) : IntegrationTest(fixture)
{
    [Fact]
    public async Task The_sample_subscriber_receives_and_parses_the_cloud_event_from_the_queue()
    {
        using var subscriber = SubscriberApp.Build([], b =>
        {
            b.Configuration[SubscriberApp.ConnectionKey] = Fixture.ConnectionString;
            b.Configuration[SubscriberApp.QueueKey] = "tracker_events"; // what the fixture's Host publishes to
            b.Logging.ClearProviders();
        });
        await subscriber.StartAsync();
        try
        {
            await Host.RecordInspectionAsync("380", "https://files.ofsted.gov.uk/v1/file/5", new DateOnly(2024, 3, 1));
            var feed = (await Host.EventsEventuallyAsync(1)).Single();

            var received = subscriber.Services.GetRequiredService<ReceivedEvents>();
            await Eventually.TrueAsync(() => received.Handled.Count == 1, TimeSpan.FromSeconds(20), "the queued event");
            received.Handled.Single().ShouldBe(new ReceivedEvent(feed.Id, "tracker.inspection.recorded", "380", feed.Sequence));
        }
        finally
        {
            await subscriber.StopAsync();
        }
    }
}
