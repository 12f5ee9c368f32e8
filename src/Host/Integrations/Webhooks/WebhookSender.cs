using System.Diagnostics;
using System.Text;

namespace Tracker.Host.Integrations.Webhooks;

/// <summary>The outcome of one HTTP attempt: a status code, or the transport error that prevented one.</summary>
public sealed record SendResult(int? StatusCode, string? Error, long LatencyMs)
{
    public bool Succeeded => StatusCode is >= 200 and < 300;
    public bool Gone => StatusCode == 410;
}

/// <summary>Posts one signed delivery. Redirects are not followed: a receiver that moved must be re-subscribed.</summary>
public sealed class WebhookSender : IDisposable
{
    private readonly HttpClient _client;
    private readonly TimeProvider _clock;
    private readonly WebhookSecrets _secrets;
    private readonly IntegrationTelemetry _telemetry;

    public WebhookSender(IntegrationOptions options, TimeProvider clock, WebhookSecrets secrets, IHostResolver resolver,
        IntegrationTelemetry telemetry)
    {
        (_clock, _secrets, _telemetry) = (clock, secrets, telemetry);
        var handler = new SocketsHttpHandler
        {
            AllowAutoRedirect = false,
            PooledConnectionLifetime = TimeSpan.FromMinutes(2),
            ConnectCallback = (context, ct) => TargetGuard.ConnectAsync(context, options.AllowPrivateTargets, resolver, ct),
        };
        _client = new HttpClient(handler) { Timeout = options.RequestTimeout };
    }

    public async Task<SendResult> SendAsync(WebhookSubscription subscription, WebhookDelivery delivery, CancellationToken ct)
    {
        using var activity = IntegrationTelemetry.StartAttempt(subscription, delivery);
        var result = await PostAsync(subscription, delivery, ct);
        _telemetry.Attempted(activity, result);
        return result;
    }

    private async Task<SendResult> PostAsync(WebhookSubscription subscription, WebhookDelivery delivery, CancellationToken ct)
    {
        var timestamp = _clock.GetUtcNow().ToUnixTimeSeconds();
        using var request = new HttpRequestMessage(HttpMethod.Post, subscription.Url)
        {
            Content = new StringContent(delivery.Body, Encoding.UTF8, "application/cloudevents+json"),
        };
        request.Headers.Add("webhook-id", delivery.EventId);
        request.Headers.Add("webhook-timestamp", timestamp.ToString());
        request.Headers.Add("webhook-signature",
            string.Join(' ', _secrets.Signing(subscription).Select(s => WebhookSignature.Sign(s, delivery.EventId, timestamp, delivery.Body))));
        var watch = Stopwatch.StartNew();
        try
        {
            using var response = await _client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, ct);
            return new SendResult((int)response.StatusCode, null, watch.ElapsedMilliseconds);
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException && !ct.IsCancellationRequested)
        {
            return new SendResult(null, e.GetType().Name + ": " + e.Message, watch.ElapsedMilliseconds);
        }
    }

    public void Dispose() => _client.Dispose();
}
