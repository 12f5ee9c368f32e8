using Marten;

namespace Tracker.Host.Integrations.Webhooks;

/// <summary>
/// The retention policy for the delivery log, enforced on every node (the deletes are idempotent): delivered
/// deliveries and attempts older than their retention go, and dead letters once an admin has had
/// <see cref="IntegrationOptions.DeadLetterRetention"/> to replay them. Pending deliveries are never removed.
/// </summary>
public sealed class DeliveryRetention(IDocumentStore store, IntegrationOptions options, TimeProvider clock,
    ILogger<DeliveryRetention> log) : BackgroundService
{
    public static async Task PurgeAsync(IDocumentStore store, IntegrationOptions options, DateTimeOffset now, CancellationToken ct)
    {
        var (delivered, attempts, dead) =
            (now - options.DeliveredRetention, now - options.AttemptRetention, now - options.DeadLetterRetention);
        await using var session = store.LightweightSession();
        session.DeleteWhere<WebhookDelivery>(d => d.Status == DeliveryStatus.Delivered && d.DeliveredAt < delivered);
        session.DeleteWhere<WebhookDelivery>(d => d.Status == DeliveryStatus.Dead && d.FirstAttemptAt < dead);
        session.DeleteWhere<WebhookAttempt>(a => a.At < attempts);
        await session.SaveChangesAsync(ct);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.RetentionInterval, clock);
        do
        {
            try { await PurgeAsync(store, options, clock.GetUtcNow(), stoppingToken); }
            catch (Exception e) when (!stoppingToken.IsCancellationRequested)
            {
                log.LogWarning(e, "The delivery log retention job failed; it runs again in {Interval}", options.RetentionInterval);
            }
        } while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
