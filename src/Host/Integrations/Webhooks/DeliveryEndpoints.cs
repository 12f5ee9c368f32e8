using Microsoft.AspNetCore.Mvc;
using Marten;
using Wolverine;
using Wolverine.Http;

namespace Tracker.Host.Integrations.Webhooks;

/// <summary>A delivery as an admin sees it (without the body's signature material).</summary>
public sealed record DeliveryView(string Id, string EventId, string EventType, string Authority, long Sequence, string Status,
    int Attempts, int? LastStatusCode, string? LastError, DateTimeOffset? NextAttemptAt, DateTimeOffset? DeliveredAt)
{
    public static DeliveryView From(WebhookDelivery d) =>
        new(d.Id, d.EventId, d.EventType, d.Authority, d.Sequence, d.Status, d.Attempts, d.LastStatusCode, d.LastError, d.NextAttemptAt, d.DeliveredAt);
}

/// <summary>The delivery log, the dead-letter list and its replay.</summary>
public static class DeliveryEndpoints
{
    /// <summary>Every HTTP attempt for the subscription, newest first: status code or error, and latency.</summary>
    [WolverineGet("/api/subscriptions/{id}/attempts", OperationId = "ListDeliveryAttempts")]
    [ProducesResponseType(typeof(WebhookAttempt[]), 200, "application/json")]
    [ProducesResponseType(typeof(ProblemDetails), 404, "application/problem+json")]
    public static async Task<IResult> Attempts(Guid id, int? limit, IQuerySession session, CancellationToken ct)
    {
        await SubscriptionEndpoints.Find(session, id, ct);
        var attempts = await session.Query<WebhookAttempt>().Where(a => a.SubscriptionId == id)
            .OrderByDescending(a => a.At).Take(Math.Clamp(limit ?? 100, 1, 1000)).ToListAsync(ct);
        return Results.Ok(attempts);
    }

    /// <summary>Every delivery owed to or made for the subscription, in sequence order.</summary>
    [WolverineGet("/api/subscriptions/{id}/deliveries", OperationId = "ListDeliveries")]
    [ProducesResponseType(typeof(DeliveryView[]), 200, "application/json")]
    [ProducesResponseType(typeof(ProblemDetails), 404, "application/problem+json")]
    public static Task<IResult> Deliveries(Guid id, IQuerySession session, CancellationToken ct) => ListAsync(id, null, session, ct);

    /// <summary>The deliveries given up on after the retry horizon, in sequence order; replay puts them back.</summary>
    [WolverineGet("/api/subscriptions/{id}/dead-letters", OperationId = "ListDeadLetters")]

    [ProducesResponseType(typeof(DeliveryView[]), 200, "application/json")]

    [ProducesResponseType(typeof(ProblemDetails), 404, "application/problem+json")]
    public static Task<IResult> DeadLetters(Guid id, IQuerySession session, CancellationToken ct) => ListAsync(id, DeliveryStatus.Dead, session, ct);

    /// <summary>Puts every dead letter (or the one named by eventId) back in line, with a fresh retry horizon.</summary>
    [WolverinePost("/api/subscriptions/{id}/dead-letters/replay", OperationId = "ReplayDeadLetters")]
    [ProducesResponseType(typeof(ReplayResult), 200, "application/json")]
    [ProducesResponseType(typeof(ProblemDetails), 404, "application/problem+json")]
    public static async Task<IResult> Replay(Guid id, string? eventId, IDocumentSession session, IMessageBus bus, CancellationToken ct)
    {
        await SubscriptionEndpoints.Find(session, id, ct);
        var dead = await session.Query<WebhookDelivery>()
            .Where(d => d.SubscriptionId == id && d.Status == DeliveryStatus.Dead).ToListAsync(ct);
        var chosen = dead.Where(d => eventId is null || d.EventId == eventId).ToList();
        foreach (var d in chosen)
        {
            d.Status = DeliveryStatus.Pending;
            d.FirstAttemptAt = null;
            d.NextAttemptAt = null;
            session.Store(d);
        }
        foreach (var authority in chosen.Select(d => d.Authority).Distinct()) await bus.SendAsync(new PumpWebhooks(id, authority));
        await session.SaveChangesAsync(ct);
        return Results.Ok(new ReplayResult(chosen.Count));
    }

    private static async Task<IResult> ListAsync(Guid id, string? status, IQuerySession session, CancellationToken ct)
    {
        await SubscriptionEndpoints.Find(session, id, ct);
        var query = session.Query<WebhookDelivery>().Where(d => d.SubscriptionId == id);
        if (status is not null) query = query.Where(d => d.Status == status);
        return Results.Ok((await query.OrderBy(d => d.Sequence).ThenBy(d => d.EventId).ToListAsync(ct)).Select(DeliveryView.From));
    }
}

/// <summary>How many dead letters were put back in line.</summary>
public sealed record ReplayResult(int Replayed);
