using Marten;
using Tracker.Host.Integrations;
using Tracker.Host.Integrations.Webhooks;
using Tracker.IntegrationTests.Support;

namespace Tracker.IntegrationTests.Integrations;

/// <summary>The delivery log's retention: old delivered deliveries, attempts and dead letters go; pending ones never.</summary>
public sealed class DeliveryRetentionTests(TrackerFixture fixture) : IntegrationTest(fixture)
{
    private static readonly DateTimeOffset Now = new(2026, 12, 1, 0, 0, 0, TimeSpan.Zero);

    private static WebhookDelivery Delivery(string id, string status, int ageDays) => new()
    {
        Id = id, SubscriptionId = Guid.Empty, Authority = "380", EventId = id, Status = status,
        FirstAttemptAt = Now.AddDays(-ageDays), DeliveredAt = status == DeliveryStatus.Delivered ? Now.AddDays(-ageDays) : null,
    };

    [Fact]
    public async Task Only_what_is_past_its_retention_is_removed()
    {
        await using (var session = Fixture.Store.LightweightSession())
        {
            session.Store(Delivery("old-delivered", DeliveryStatus.Delivered, 31), Delivery("new-delivered", DeliveryStatus.Delivered, 29),
                Delivery("old-pending", DeliveryStatus.Pending, 400), Delivery("dead-89", DeliveryStatus.Dead, 89),
                Delivery("dead-91", DeliveryStatus.Dead, 91));
            session.Store(new WebhookAttempt { Id = Guid.NewGuid(), DeliveryId = "a", At = Now.AddDays(-31) },
                new WebhookAttempt { Id = Guid.NewGuid(), DeliveryId = "b", At = Now.AddDays(-1) });
            await session.SaveChangesAsync();
        }

        await DeliveryRetention.PurgeAsync(Fixture.Store, new IntegrationOptions(), Now, CancellationToken.None);

        await using var query = Fixture.Store.QuerySession();
        (await query.Query<WebhookDelivery>().Select(d => d.Id).ToListAsync())
            .ShouldBe(["new-delivered", "old-pending", "dead-89"], ignoreOrder: true);
        (await query.Query<WebhookAttempt>().Select(a => a.DeliveryId).ToListAsync()).ShouldBe(["b"]);
    }
}
