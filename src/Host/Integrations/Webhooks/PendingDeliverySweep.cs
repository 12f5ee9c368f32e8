using Marten;
using Wolverine;

namespace Tracker.Host.Integrations.Webhooks;

/// <summary>
/// Once the host has started, pumps every subscription and authority whose oldest pending delivery is due. After a
/// crash this restarts delivery at once instead of waiting for Wolverine to notice the dead node and recover its messages.
/// </summary>
public sealed class PendingDeliverySweep(IDocumentStore store, IServiceProvider services, IHostApplicationLifetime lifetime,
    TimeProvider clock, ILogger<PendingDeliverySweep> log) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        lifetime.ApplicationStarted.Register(() => _ = SweepAsync(lifetime.ApplicationStopping));
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private async Task SweepAsync(CancellationToken ct)
    {
        try
        {
            await using var session = store.QuerySession();
            var now = clock.GetUtcNow();
            var due = await session.Query<WebhookDelivery>()
                .Where(d => d.Status == DeliveryStatus.Pending && (d.NextAttemptAt == null || d.NextAttemptAt <= now))
                .ToListAsync(ct);
            using var scope = services.CreateScope();
            var bus = scope.ServiceProvider.GetRequiredService<IMessageBus>();
            foreach (var pump in due.Select(d => new PumpWebhooks(d.SubscriptionId, d.Authority)).Distinct()) await bus.SendAsync(pump);
            if (due.Count > 0) log.LogInformation("Resumed {Count} pending webhook deliveries", due.Count);
        }
        catch (Exception e) when (!ct.IsCancellationRequested)
        {
            log.LogError(e, "Could not resume pending webhook deliveries");
        }
    }
}
