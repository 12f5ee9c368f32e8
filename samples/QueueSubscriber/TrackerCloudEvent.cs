using System.Collections.Concurrent;
using System.Net.Mime;
using System.Text;
using CloudNative.CloudEvents;
using CloudNative.CloudEvents.Extensions;
using CloudNative.CloudEvents.SystemTextJson;
using Microsoft.Extensions.Logging;
using Wolverine.Attributes;

namespace Tracker.Samples.QueueSubscriber;

/// <summary>
/// Tracker's transport message. The type is the subscriber's own: Wolverine matches it by message identity, so nothing
/// of Tracker's code is referenced. <see cref="CloudEvent"/> is the CloudEvent JSON exactly as the feed serves it.
/// </summary>
[MessageIdentity("tracker.cloudevent.v1")]
public sealed record TrackerCloudEvent(string CloudEvent);

/// <summary>One Tracker event the subscriber handled.</summary>
public sealed record ReceivedEvent(string Id, string Type, string Subject, string Sequence);

/// <summary>What the subscriber has seen; a real integrator would write to its own store instead.</summary>
public sealed class ReceivedEvents
{
    private readonly ConcurrentDictionary<string, ReceivedEvent> _handled = new();

    /// <summary>Handled events in feed order: the <c>sequence</c> extension sorts as text.</summary>
    public IReadOnlyList<ReceivedEvent> Handled => _handled.Values.OrderBy(e => e.Sequence, StringComparer.Ordinal).ToList();

    /// <summary>The queue delivers at least once, so the CloudEvent id is the deduplication key.</summary>
    public bool Add(ReceivedEvent e) => _handled.TryAdd(e.Id, e);
}

public static class TrackerCloudEventHandler
{
    private static readonly JsonEventFormatter Formatter = new();

    public static void Handle(TrackerCloudEvent message, ReceivedEvents received, ILogger<ReceivedEvents> log)
    {
        // Parsed with the official SDK, as a webhook body would be; a malformed message fails here and Wolverine
        // retries it, then moves it to this application's dead-letter table.
        var cloudEvent = Formatter.DecodeStructuredModeMessage(Encoding.UTF8.GetBytes(message.CloudEvent),
            new ContentType("application/cloudevents+json"), Sequence.AllAttributes);
        var e = new ReceivedEvent(cloudEvent.Id!, cloudEvent.Type!, cloudEvent.Subject!, cloudEvent.GetSequenceString()!);
        if (received.Add(e)) log.LogInformation("{Type} for {Subject} at {Sequence}", e.Type, e.Subject, e.Sequence);
        else log.LogInformation("{Id} again: already handled", e.Id);
    }
}
