using Microsoft.AspNetCore.Mvc;
using Marten;
using Tracker.Domain.Common;
using Wolverine;
using Wolverine.Http;

namespace Tracker.Host.Integrations.Webhooks;

/// <summary>Read, remove, pause and resume webhook subscriptions.</summary>
public static class SubscriptionEndpoints
{
    /// <summary>Every webhook subscription, oldest first, without secrets.</summary>
    [WolverineGet("/api/subscriptions", OperationId = "ListSubscriptions")]
    [ProducesResponseType(typeof(SubscriptionView[]), 200, "application/json")]
    public static async Task<IResult> List(IQuerySession session, CancellationToken ct) =>
        Results.Ok((await session.Query<WebhookSubscription>().OrderBy(s => s.CreatedAt).ToListAsync(ct)).Select(s => SubscriptionView.From(s)));

    /// <summary>One webhook subscription, without its secret.</summary>
    [WolverineGet("/api/subscriptions/{id}", OperationId = "GetSubscription")]

    [ProducesResponseType(typeof(SubscriptionView), 200, "application/json")]

    [ProducesResponseType(typeof(ProblemDetails), 404, "application/problem+json")]
    public static async Task<IResult> Get(Guid id, IQuerySession session, CancellationToken ct) =>
        Results.Ok(SubscriptionView.From(await Find(session, id, ct)));

    /// <summary>Removes the subscription and everything still owed to it.</summary>
    [WolverineDelete("/api/subscriptions/{id}", OperationId = "DeleteSubscription")]
    [ProducesResponseType(204)]
    [ProducesResponseType(typeof(ProblemDetails), 404, "application/problem+json")]
    public static async Task<IResult> Delete(Guid id, IDocumentSession session, CancellationToken ct)
    {
        await Find(session, id, ct);
        session.Delete<WebhookSubscription>(id);
        session.DeleteWhere<WebhookDelivery>(d => d.SubscriptionId == id);
        await session.SaveChangesAsync(ct);
        return Results.NoContent();
    }

    /// <summary>Stops sending; events keep queueing for the subscription and are sent, in order, on resume.</summary>
    [WolverinePost("/api/subscriptions/{id}/pause", OperationId = "PauseSubscription")]
    [ProducesResponseType(typeof(SubscriptionView), 200, "application/json")]
    [ProducesResponseType(typeof(ProblemDetails), 404, "application/problem+json")]
    [ProducesResponseType(typeof(ProblemDetails), 409, "application/problem+json")]
    public static async Task<IResult> Pause(Guid id, IDocumentSession session, CancellationToken ct)
    {
        var s = await Find(session, id, ct);
        if (s.Status == SubscriptionStatus.Disabled) throw Disabled(id);
        s.Status = SubscriptionStatus.Paused;
        session.Store(s);
        await session.SaveChangesAsync(ct);
        return Results.Ok(SubscriptionView.From(s));
    }

    /// <summary>Starts sending again: what queued while paused goes out first, in order.</summary>
    [WolverinePost("/api/subscriptions/{id}/resume", OperationId = "ResumeSubscription")]

    [ProducesResponseType(typeof(SubscriptionView), 200, "application/json")]

    [ProducesResponseType(typeof(ProblemDetails), 404, "application/problem+json")]

    [ProducesResponseType(typeof(ProblemDetails), 409, "application/problem+json")]
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
