using System.Collections.Concurrent;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using Microsoft.Extensions.DependencyInjection;
using Tracker.Host.Integrations;
using Tracker.IntegrationTests.Support;

namespace Tracker.IntegrationTests.Integrations;

/// <summary>Webhook attempts are traced, counted and timed by outcome; the relay's publication lag is measured.</summary>
public sealed class IntegrationTelemetryTests(TrackerFixture fixture) : IntegrationTest(fixture)
{
    private sealed record Measured(string Instrument, double Value, Dictionary<string, object?> Tags);

    [Fact]
    public async Task A_webhook_attempt_is_a_span_with_an_http_child_and_is_counted_by_outcome_and_the_relay_lag_recorded()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        receiver.Answer = 503; // the first attempt fails (outcome rejected), the retry succeeds
        var subscription = await Host.SubscribeAsync(new { url = receiver.Url });
        receiver.Secret = subscription.Secret!;

        var spans = new ConcurrentQueue<Activity>();
        using var tracing = new ActivityListener
        {
            ShouldListenTo = s => s.Name is IntegrationTelemetry.ActivitySourceName or "System.Net.Http",
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = spans.Enqueue,
        };
        ActivitySource.AddActivityListener(tracing);
        var measured = new ConcurrentQueue<Measured>();
        // Only this host's meters: other hosts in the test process report through meters of their own factory.
        var factory = Host.Services.GetRequiredService<IMeterFactory>();
        using var metrics = new MeterListener();
        metrics.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter.Scope == factory && instrument.Name.StartsWith("tracker.", StringComparison.Ordinal))
                listener.EnableMeasurementEvents(instrument);
        };
        metrics.SetMeasurementEventCallback<long>((i, v, tags, _) => measured.Enqueue(new(i.Name, v, ToDictionary(tags))));
        metrics.SetMeasurementEventCallback<double>((i, v, tags, _) => measured.Enqueue(new(i.Name, v, ToDictionary(tags))));
        metrics.Start();

        await Host.RecordInspectionAsync("380", "https://files.ofsted.gov.uk/v1/file/1", new DateOnly(2024, 3, 1));
        await Eventually.TrueAsync(() => !receiver.Received.IsEmpty, TimeSpan.FromSeconds(15), "the first, refused attempt");
        receiver.Answer = 200;
        await Eventually.TrueAsync(() => Attempts(measured).Contains("delivered"), TimeSpan.FromSeconds(20), "the delivered attempt");

        Attempts(measured).ShouldBe(["rejected", "delivered"]);
        measured.Single(m => m.Instrument == "tracker.webhook.attempts" && (string)m.Tags["outcome"]! == "rejected")
            .Tags["http.response.status_code"].ShouldBe(503);
        measured.Where(m => m.Instrument == "tracker.webhook.duration").Select(m => (string)m.Tags["outcome"]!)
            .ShouldBe(["rejected", "delivered"]);
        var lag = measured.Where(m => m.Instrument == "tracker.relay.lag").ShouldHaveSingleItem();
        lag.Value.ShouldBeInRange(0, 30);

        var sends = spans.Where(s => s.Source.Name == IntegrationTelemetry.ActivitySourceName
            && (string?)s.GetTagItem("tracker.subscription.id") == subscription.Id.ToString()).ToList();
        sends.Select(s => s.GetTagItem("tracker.webhook.outcome")).ShouldBe(["rejected", "delivered"]);
        sends[0].Status.ShouldBe(ActivityStatusCode.Error);
        sends[1].GetTagItem("cloudevents.event_type").ShouldBe("tracker.inspection.recorded");
        // .NET's own HttpClient span for the POST is a child of each attempt's span.
        foreach (var send in sends)
            spans.ShouldContain(s => s.Source.Name == "System.Net.Http" && s.ParentSpanId == send.SpanId);
    }

    private static List<string> Attempts(IEnumerable<Measured> measured) =>
        measured.Where(m => m.Instrument == "tracker.webhook.attempts").Select(m => (string)m.Tags["outcome"]!).ToList();

    private static Dictionary<string, object?> ToDictionary(ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        var values = new Dictionary<string, object?>();
        foreach (var tag in tags) values[tag.Key] = tag.Value;
        return values;
    }
}
