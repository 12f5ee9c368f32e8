using Marten;
using Wolverine;

namespace Tracker.Host.Integrations.Webhooks;

/// <summary>
/// Sends one subscription's pending deliveries for one authority, oldest first, and stops at the first failure so that
/// order per authority holds; the retry is a durable scheduled message. Runs on the sequential "webhooks" queue.
/// </summary>
public static class PumpWebhooksHandler
{
    public static async Task Handle(PumpWebhooks pump, IDocumentStore store, IDocumentSession session, IMessageBus bus, WebhookSender sender,
        IntegrationOptions options, TimeProvider clock, ILogger<WebhookSender> log, CancellationToken ct)
    {
        // Taken before reading what is pending, so a pump that waited sees what the other one delivered.
        await using var exclusive = await PumpLock.AcquireAsync(store, pump, ct);
        var subscription = await session.LoadAsync<WebhookSubscription>(pump.SubscriptionId, ct);
        if (subscription is not { Status: SubscriptionStatus.Active }) return;

        var pending = await session.Query<WebhookDelivery>()
            .Where(d => d.SubscriptionId == pump.SubscriptionId && d.Authority == pump.Authority && d.Status == DeliveryStatus.Pending)
            .OrderBy(d => d.Sequence).ThenBy(d => d.EventId)
            .ToListAsync(ct);

        foreach (var delivery in pending)
        {
            var now = clock.GetUtcNow();
            // Not due: the retry that set this time is already a durable scheduled message; scheduling again would multiply pumps.
            if (delivery.NextAttemptAt > now) break;

            var result = await sender.SendAsync(subscription, delivery, ct);
            delivery.Attempts++;
            delivery.FirstAttemptAt ??= now;
            delivery.LastStatusCode = result.StatusCode;
            delivery.LastError = result.Error;
            session.Store(new WebhookAttempt
            {
                Id = Guid.NewGuid(), SubscriptionId = subscription.Id, DeliveryId = delivery.Id, EventId = delivery.EventId,
                Attempt = delivery.Attempts, StatusCode = result.StatusCode, Error = result.Error, LatencyMs = result.LatencyMs, At = now,
            });

            var stop = false;
            if (result.Succeeded)
            {
                delivery.Status = DeliveryStatus.Delivered;
                delivery.DeliveredAt = clock.GetUtcNow();
            }
            else if (result.Gone)
            {
                subscription.Status = SubscriptionStatus.Disabled;
                subscription.StatusReason = "The receiver answered 410 Gone.";
                session.Store(subscription);
                log.LogWarning("Webhook subscription {Subscription} disabled: 410 Gone", subscription.Id);
                stop = true;
            }
            else if (RetrySchedule.Next(options, delivery.Attempts, delivery.FirstAttemptAt.Value, clock.GetUtcNow()) is { } next)
            {
                delivery.NextAttemptAt = next;
                await bus.ScheduleAsync(pump, next);
                stop = true;
            }
            else
            {
                delivery.Status = DeliveryStatus.Dead;
                log.LogWarning("Webhook delivery {Delivery} dead after {Attempts} attempts", delivery.Id, delivery.Attempts);
            }

            session.Store(delivery);
            // Saving per delivery keeps a crash from resending everything already acknowledged.
            await session.SaveChangesAsync(ct);
            if (stop) break;
        }
    }
}
