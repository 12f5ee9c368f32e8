using System.Diagnostics;
using System.Diagnostics.Metrics;
using Tracker.Host.Hosting;
using Tracker.Host.Integrations.Webhooks;

namespace Tracker.Host.Integrations;

/// <summary>
/// What the integration side reports beside the projection lag gauge: one span per webhook attempt (the HttpClient's
/// own <c>System.Net.Http</c> span is its child), attempts counted and timed by outcome, and how long events wait
/// between their append and the relay publishing them. Meter "Tracker", activity source "Tracker.Webhooks".
/// </summary>
public sealed class IntegrationTelemetry
{
    public const string ActivitySourceName = "Tracker.Webhooks";
    public static readonly ActivitySource Source = new(ActivitySourceName);

    private readonly Counter<long> _attempts;
    private readonly Histogram<double> _duration;
    private readonly Histogram<double> _relayLag;

    public IntegrationTelemetry(IMeterFactory meters)
    {
        var meter = meters.Create(ProjectionLagMonitor.MeterName);
        _attempts = meter.CreateCounter<long>("tracker.webhook.attempts", "{attempt}",
            "Webhook delivery attempts by outcome: delivered (2xx), gone (410), rejected (other status), unreachable.");
        _duration = meter.CreateHistogram<double>("tracker.webhook.duration", "ms",
            "Time from sending a webhook to its response headers (or the failure), by outcome.");
        _relayLag = meter.CreateHistogram<double>("tracker.relay.lag", "s",
            "Time from an event's append to the integration relay publishing it (feed, webhooks, transport).");
    }

    /// <summary>The span for one attempt; null when nothing listens.</summary>
    public static Activity? StartAttempt(WebhookSubscription subscription, WebhookDelivery delivery)
    {
        var activity = Source.StartActivity("webhook send", ActivityKind.Internal);
        activity?.SetTag("tracker.subscription.id", subscription.Id.ToString());
        activity?.SetTag("cloudevents.event_id", delivery.EventId);
        activity?.SetTag("cloudevents.event_type", delivery.EventType);
        return activity;
    }

    public void Attempted(Activity? activity, SendResult result)
    {
        var outcome = result.Succeeded ? "delivered" : result.Gone ? "gone"
            : result.StatusCode is null ? "unreachable" : "rejected";
        var tags = new TagList { { "outcome", outcome } };
        if (result.StatusCode is { } status) tags.Add("http.response.status_code", status);
        _attempts.Add(1, tags);
        _duration.Record(result.LatencyMs, new KeyValuePair<string, object?>("outcome", outcome));
        if (activity is null) return;
        activity.SetTag("tracker.webhook.outcome", outcome);
        if (result.StatusCode is { } code) activity.SetTag("http.response.status_code", code);
        if (!result.Succeeded) activity.SetStatus(ActivityStatusCode.Error, result.Error ?? $"HTTP {result.StatusCode}");
    }

    public void Relayed(DateTimeOffset appendedAt, DateTimeOffset now) =>
        _relayLag.Record(Math.Max(0, (now - appendedAt).TotalSeconds));
}
