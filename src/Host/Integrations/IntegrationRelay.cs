using JasperFx.Events.Daemon;
using Marten.Events.Daemon;
using JasperFx.Events.Projections;
using Marten;
using Tracker.Host.Integrations.Webhooks;
using Wolverine;
using Wolverine.Marten.Subscriptions;

namespace Tracker.Host.Integrations;

/// <summary>
/// The Marten subscription (run by the async daemon, in strict sequence order) that publishes integration events.
/// Webhook deliveries, pump messages and transport messages are written through Wolverine's Marten outbox in the same
/// transaction that advances the subscription's progress: nothing is published before the append commits, and nothing
/// is lost if the process dies, because an unfinished page is simply processed again.
/// </summary>
public sealed class IntegrationRelay : BatchSubscription
{
    public const string Name = "integrations";
    private readonly CloudEventMapper _mapper;
    private readonly IntegrationOptions _options;
    private readonly IntegrationTelemetry _telemetry;
    private readonly TimeProvider _clock;

    public IntegrationRelay(CloudEventMapper mapper, IntegrationOptions options, IntegrationTelemetry telemetry,
        TimeProvider clock) : base(Name)
    {
        _mapper = mapper;
        _options = options;
        (_telemetry, _clock) = (telemetry, clock);
        foreach (var type in CloudEventTypes.ByEvent.Keys) IncludeType(type);
    }

    public override async Task ProcessEventsAsync(EventRange page, ISubscriptionController controller, IDocumentOperations operations,
        IMessageBus bus, CancellationToken cancellationToken)
    {
        var events = await MapWaitingForSnapshotsAsync(operations, page.Events, cancellationToken);
        if (events.Count == 0) return;

        var subscriptions = await operations.Query<WebhookSubscription>()
            .Where(s => s.Status != SubscriptionStatus.Disabled).ToListAsync(cancellationToken);
        var pumps = new HashSet<PumpWebhooks>();
        foreach (var e in events)
        {
            var body = IntegrationJson.Serialize(e);
            if (_options.PublishesTransportEvents) await bus.PublishAsync(new TransportEvent(body));
            foreach (var s in subscriptions.Where(s => s.Matches(e)))
            {
                operations.Store(new WebhookDelivery
                {
                    Id = WebhookDelivery.IdFor(s.Id, e.Id), SubscriptionId = s.Id, Authority = e.Subject, Sequence = e.Sequence.Sequence,
                    EventId = e.Id, EventType = e.Type, Body = body,
                });
                if (s.Status == SubscriptionStatus.Active) pumps.Add(new PumpWebhooks(s.Id, e.Subject));
            }
        }
        foreach (var pump in pumps) await bus.SendAsync(pump);
        // Measured when published, not when committed: the wait an integrator sees, snapshot waits included.
        var now = _clock.GetUtcNow();
        foreach (var e in page.Events) _telemetry.Relayed(e.Timestamp, now);
    }

    /// <summary>
    /// A missing snapshot (a rebuild under way) is waited for here, page held, for up to SnapshotWait: it usually
    /// returns within seconds, and this does not depend on how the daemon backs off and pauses. After that the
    /// failure goes to the daemon (retries, pause, Wolverine's restart), still without moving past the event.
    /// </summary>
    private async Task<IReadOnlyList<CloudEvent>> MapWaitingForSnapshotsAsync(IDocumentOperations operations,
        IReadOnlyList<JasperFx.Events.IEvent> events, CancellationToken ct)
    {
        var deadline = DateTime.UtcNow + _options.SnapshotWait;
        while (true)
        {
            try
            {
                return await _mapper.MapAsync(operations, events, ct);
            }
            catch (SnapshotMissingException) when (DateTime.UtcNow < deadline)
            {
                await Task.Delay(_options.SnapshotPoll, ct);
            }
        }
    }
}
