namespace Tracker.Host.Integrations.Webhooks;

public static class DeliveryStatus
{
    public const string Pending = "pending";
    public const string Delivered = "delivered";
    /// <summary>Every retry within the horizon failed; an admin can replay it.</summary>
    public const string Dead = "dead";
}

/// <summary>
/// One CloudEvent owed to one subscription. Written in the same transaction that advances the integration
/// subscription, so a committed event always has its deliveries; the body is fixed then, so retries resend identical bytes.
/// </summary>
public sealed class WebhookDelivery
{
    public string Id { get; set; } = "";
    public Guid SubscriptionId { get; set; }
    public string Authority { get; set; } = "";
    public long Sequence { get; set; }
    public string EventId { get; set; } = "";
    public string EventType { get; set; } = "";
    public string Body { get; set; } = "";
    public string Status { get; set; } = DeliveryStatus.Pending;
    public int Attempts { get; set; }
    public DateTimeOffset? FirstAttemptAt { get; set; }
    public DateTimeOffset? NextAttemptAt { get; set; }
    public int? LastStatusCode { get; set; }
    public string? LastError { get; set; }
    public DateTimeOffset? DeliveredAt { get; set; }

    public static string IdFor(Guid subscription, string eventId) => $"{subscription:N}:{eventId}";
}

/// <summary>One HTTP attempt, for the subscription's delivery log.</summary>
public sealed class WebhookAttempt
{
    public Guid Id { get; set; }
    public Guid SubscriptionId { get; set; }
    public string DeliveryId { get; set; } = "";
    public string EventId { get; set; } = "";
    public int Attempt { get; set; }
    public int? StatusCode { get; set; }
    public string? Error { get; set; }
    public long LatencyMs { get; set; }
    public DateTimeOffset At { get; set; }
}

/// <summary>Asks the pump to send what is pending for one subscription and authority, oldest first.</summary>
public sealed record PumpWebhooks(Guid SubscriptionId, string Authority);
