using System.ComponentModel.DataAnnotations;

namespace Tracker.Host.Integrations;

/// <summary>Settings under Tracker:Integrations. Defaults suit production; tests shorten the retry horizon.</summary>
public sealed class IntegrationOptions : IValidatableObject
{
    /// <summary>The CloudEvents <c>source</c> of every event this deployment publishes.</summary>
    [Required(AllowEmptyStrings = false)] public string Source { get; set; } = "/tracker";

    /// <summary>Loopback, private and link-local webhook targets are refused unless this is true.</summary>
    public bool AllowPrivateTargets { get; set; }

    [Range(typeof(TimeSpan), "00:00:00.001", "365.00:00:00")] public TimeSpan FirstRetryDelay { get; set; } = TimeSpan.FromSeconds(10);
    [Range(typeof(TimeSpan), "00:00:00.001", "365.00:00:00")] public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromHours(1);

    /// <summary>How long a delivery keeps being retried before it becomes a dead letter.</summary>
    [Range(typeof(TimeSpan), "00:00:00.001", "365.00:00:00")] public TimeSpan RetryHorizon { get; set; } = TimeSpan.FromHours(24);

    [Range(typeof(TimeSpan), "00:00:00.001", "365.00:00:00")] public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>How long delivered deliveries, attempts and dead letters are kept, and how often the job removes older ones.</summary>
    [Range(typeof(TimeSpan), "00:00:00.001", "365.00:00:00")] public TimeSpan DeliveredRetention { get; set; } = TimeSpan.FromDays(30);
    [Range(typeof(TimeSpan), "00:00:00.001", "365.00:00:00")] public TimeSpan AttemptRetention { get; set; } = TimeSpan.FromDays(30);
    [Range(typeof(TimeSpan), "00:00:00.001", "365.00:00:00")] public TimeSpan DeadLetterRetention { get; set; } = TimeSpan.FromDays(90);
    [Range(typeof(TimeSpan), "00:00:00.001", "365.00:00:00")] public TimeSpan RetentionInterval { get; set; } = TimeSpan.FromHours(1);

    /// <summary>How often the watchdog checks that the integration relay is moving, and how long a stall it tolerates.</summary>
    [Range(typeof(TimeSpan), "00:00:00.001", "365.00:00:00")] public TimeSpan RelayCheckInterval { get; set; } = TimeSpan.FromSeconds(5);
    [Range(typeof(TimeSpan), "00:00:00.001", "365.00:00:00")] public TimeSpan RelayStallAfter { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How long the relay holds a page whose authority snapshot is missing (a rebuild) before failing it, and
    /// how often it looks again meanwhile.</summary>
    [Range(typeof(TimeSpan), "00:00:00.001", "365.00:00:00")] public TimeSpan SnapshotWait { get; set; } = TimeSpan.FromSeconds(60);
    [Range(typeof(TimeSpan), "00:00:00.001", "365.00:00:00")] public TimeSpan SnapshotPoll { get; set; } = TimeSpan.FromMilliseconds(500);

    /// <summary>How many event streams (SSE) one caller (key, token subject or address) may hold open at once.</summary>
    public int MaxStreamsPerCaller { get; set; } = 5;

    /// <summary>The same for anonymous callers, counted per address: many browsers (dashboard tabs) share one behind a NAT.</summary>
    public int MaxStreamsPerAddress { get; set; } = 50;

    /// <summary>How often the node's one stream reader looks for new events while any stream is open.</summary>
    public TimeSpan StreamPoll { get; set; } = TimeSpan.FromMilliseconds(250);

    /// <summary>
    /// The PostgreSQL transport queue .NET subscribers listen to (conventionally <c>tracker_events</c>). Off unless set:
    /// a queue nobody consumes only grows, and filling it costs every write an outbox row.
    /// </summary>
    [RegularExpression("^[a-z_][a-z0-9_]{0,62}$", ErrorMessage = "must be a lower-case PostgreSQL name (it names a table).")]
    public string? TransportQueue { get; set; }

    public bool TransportEnabled => !string.IsNullOrWhiteSpace(TransportQueue);

    /// <summary>Whether the relay publishes TransportEvent messages at all: to the PostgreSQL queue, RabbitMQ, or both.</summary>
    public bool PublishesTransportEvents => TransportEnabled || !string.IsNullOrWhiteSpace(RabbitMqUri);

    /// <summary>When set (amqp://…), events are also published to a RabbitMQ fanout exchange; nothing RabbitMQ runs otherwise.</summary>
    public string? RabbitMqUri { get; set; }

    public string RabbitMqExchange { get; set; } = "tracker-events";

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (MaxRetryDelay < FirstRetryDelay)
            yield return new ValidationResult("must not be shorter than FirstRetryDelay.", [nameof(MaxRetryDelay)]);
    }
}
