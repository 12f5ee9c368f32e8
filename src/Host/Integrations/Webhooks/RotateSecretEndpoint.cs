using Marten;
using Tracker.Domain.Common;
using Wolverine.Http;

namespace Tracker.Host.Integrations.Webhooks;

/// <summary>How long the signing secrets in use keep signing beside the new one; 24 hours when not given (send {}).</summary>
public sealed record RotateSecretInput(int? OverlapHours);

public static class RotateSecretEndpoint
{
    public const int MaxOverlapHours = 24 * 7;

    /// <summary>
    /// Issue a new signing secret (shown this once). Until the overlap ends every delivery carries a signature with the
    /// old secret and one with the new, so the receiver can switch at any moment in between; then only the new one signs.
    /// </summary>
    [WolverinePost("/api/subscriptions/{id}/secret", OperationId = "RotateSubscriptionSecret")]
    [Microsoft.AspNetCore.Mvc.ProducesResponseType(typeof(SubscriptionView), 200, "application/json")]
    [Microsoft.AspNetCore.Mvc.ProducesResponseType(typeof(Microsoft.AspNetCore.Mvc.ValidationProblemDetails), 400,
        "application/problem+json")]
    [Microsoft.AspNetCore.Mvc.ProducesResponseType(typeof(Microsoft.AspNetCore.Mvc.ProblemDetails), 404, "application/problem+json")]
    public static async Task<IResult> Post(Guid id, RotateSecretInput input, IDocumentSession session, WebhookSecrets secrets,
        CancellationToken ct)
    {
        var hours = input.OverlapHours ?? 24;
        if (hours is < 0 or > MaxOverlapHours)
            throw Rejection.Invalid(new Dictionary<string, string[]> { ["overlapHours"] = [$"must be between 0 and {MaxOverlapHours}."] });
        var subscription = await SubscriptionEndpoints.Find(session, id, ct);
        var fresh = secrets.Rotate(subscription, TimeSpan.FromHours(hours));
        session.Store(subscription);
        await session.SaveChangesAsync(ct);
        return Results.Ok(SubscriptionView.From(subscription, fresh));
    }
}
