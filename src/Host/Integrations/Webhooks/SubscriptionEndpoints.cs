using Marten;
using Tracker.Domain.Common;
using Wolverine;
using Wolverine.Http;

namespace Tracker.Host.Integrations.Webhooks;

/// <summary>Read, remove, pause and resume webhook subscriptions.</summary>
public static class SubscriptionEndpoints
{
    [WolverineGet("/api/subscriptions")]
    public static async Task<IResult> List(IQuerySession session, CancellationToken ct) =>
        Results.Ok((await session.Query<WebhookSubscription>().OrderBy(s => s.CreatedAt).ToListAsync(ct)).Select(s => SubscriptionView.From(s)));

    [WolverineGet("/api/subscriptions/{id}")]
    public static async Task<IResult> Get(Guid id, IQuerySession session, CancellationToken ct) =>
        Results.Ok(SubscriptionView.From(await Find(session, id, ct)));

    /// <summary>Removes the subscription and everything still owed to it.</summary>
    [WolverineDelete("/api/subscriptions/{id}")]
    public static async Task<IResult> Delete(Guid id, IDocumentSession session, CancellationToken ct)
    {
        await Find(session, id, ct);
        session.Delete<WebhookSubscription>(id);
        session.DeleteWhere<WebhookDelivery>(d => d.SubscriptionId == id);
        await session.SaveChangesAsync(ct);
        return Results.NoContent();
    }

    /// <summary>Stops sending; events keep queueing for the subscription and are sent, in order, on resume.</summary>
    [WolverinePost("/api/subscriptions/{id}/pause")]
    public static async Task<IResult> Pause(Guid id, IDocumentSession session, CancellationToken ct)
    {
        var s = await Find(session, id, ct);
        if (s.Status == SubscriptionStatus.Disabled) throw Disabled(id);
        s.Status = SubscriptionStatus.Paused;
        session.Store(s);
        await session.SaveChangesAsync(ct);
        return Results.Ok(SubscriptionView.From(s));
    }

    [WolverinePost("/api/subscriptions/{id}/resume")]
    public static async Task<IResult> Resume(Guid id, IDocumentSession session, IMessageBus bus, CancellationToken ct)
    {
        var s = await Find(session, id, ct);
        if (s.Status == SubscriptionStatus.Disabled) throw Disabled(id);
        s.Status = SubscriptionStatus.Active;
        session.Store(s);
        await PumpAllAsync(session, bus, id, ct);
        await session.SaveChangesAsync(ct);
        return Results.Ok(SubscriptionView.From(s));
    }

    public static async Task PumpAllAsync(IQuerySession session, IMessageBus bus, Guid id, CancellationToken ct)
    {
        var authorities = await session.Query<WebhookDelivery>()
            .Where(d => d.SubscriptionId == id && d.Status == DeliveryStatus.Pending).Select(d => d.Authority).Distinct().ToListAsync(ct);
        foreach (var authority in authorities) await bus.SendAsync(new PumpWebhooks(id, authority));
    }

    public static async Task<WebhookSubscription> Find(IQuerySession session, Guid id, CancellationToken ct) =>
        await session.LoadAsync<WebhookSubscription>(id, ct)
        ?? throw new Rejection(RejectionKind.NotFound, "Unknown subscription", $"No webhook subscription has id {id}.");

    private static Rejection Disabled(Guid id) =>
        Rejection.Conflict("Subscription disabled", $"Subscription {id} was disabled because its receiver answered 410 Gone; create a new one.");
}
