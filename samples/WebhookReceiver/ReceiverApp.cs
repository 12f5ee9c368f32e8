using System.Collections.Concurrent;
using System.Net.Mime;
using System.Text;
using CloudNative.CloudEvents;
using CloudNative.CloudEvents.Extensions;
using CloudNative.CloudEvents.SystemTextJson;
using StandardWebhooks;
using StandardWebhooks.Diagnostics;

namespace Tracker.Samples.WebhookReceiver;

/// <summary>One Tracker event the receiver accepted.</summary>
public sealed record ReceivedEvent(string Id, string Type, string Subject, string Sequence);

/// <summary>What the receiver has seen; a real integrator would write to its own store instead.</summary>
public sealed class ReceivedEvents
{
    private readonly ConcurrentDictionary<string, ReceivedEvent> _accepted = new();
    private int _rejected;

    /// <summary>Accepted events in feed order: the <c>sequence</c> extension sorts as text.</summary>
    public IReadOnlyList<ReceivedEvent> Accepted =>
        _accepted.Values.OrderBy(e => e.Sequence, StringComparer.Ordinal).ToList();
    public int Rejected => _rejected;

    /// <summary>Delivery is at least once, so the CloudEvent id (= webhook-id) is the deduplication key.</summary>
    public bool Add(ReceivedEvent e) => _accepted.TryAdd(e.Id, e);
    public void Reject() => Interlocked.Increment(ref _rejected);
}

/// <summary>
/// A minimal Tracker webhook receiver: verifies the Standard Webhooks signature with the StandardWebhooks package
/// (which also refuses timestamps more than five minutes off), then parses the CloudEvent with the official SDK.
/// </summary>
public static class ReceiverApp
{
    public const string SecretKey = "Tracker:WebhookSecret";
    private static readonly JsonEventFormatter Formatter = new();

    public static WebApplication Build(string[] args, Action<WebApplicationBuilder>? configure = null)
    {
        var builder = WebApplication.CreateSlimBuilder(args);
        configure?.Invoke(builder);
        builder.Services.AddSingleton<ReceivedEvents>();
        var app = builder.Build();
        app.MapPost("/webhooks/tracker", ReceiveAsync);
        app.MapGet("/received", (ReceivedEvents received) => received.Accepted);
        return app;
    }

    private static async Task<IResult> ReceiveAsync(HttpRequest request, IConfiguration configuration,
        ReceivedEvents received, ILogger<ReceivedEvents> log)
    {
        // Read per request, so a rotated secret (a new subscription) needs no restart.
        var secret = configuration[SecretKey];
        if (string.IsNullOrEmpty(secret)) return Results.Problem($"{SecretKey} is not set.", statusCode: 500);
        // The signature covers the exact bytes sent: verify the raw body before parsing anything.
        using var reader = new StreamReader(request.Body, Encoding.UTF8);
        var body = await reader.ReadToEndAsync(request.HttpContext.RequestAborted);
        try
        {
            new StandardWebhook(secret).Verify(body, request.Headers);
        }
        catch (WebhookVerificationException failure)
        {
            received.Reject();
            log.LogWarning("Refused webhook {Id}: {Reason}", request.Headers["webhook-id"].ToString(), failure.Message);
            return Results.Unauthorized();
        }

        var cloudEvent = Formatter.DecodeStructuredModeMessage(Encoding.UTF8.GetBytes(body),
            new ContentType(request.ContentType ?? "application/cloudevents+json"), Sequence.AllAttributes);
        var e = new ReceivedEvent(cloudEvent.Id!, cloudEvent.Type!, cloudEvent.Subject ?? "",
            cloudEvent.GetSequenceString() ?? "");
        if (received.Add(e)) log.LogInformation("{Type} for {Subject} at {Sequence}", e.Type, e.Subject, e.Sequence);
        return Results.NoContent();
    }
}
