using Microsoft.AspNetCore.Mvc;
using Marten;
using Tracker.Domain.Common;
using Tracker.Host.Authorities;
using Wolverine.Http;
using Tracker.Projections.Authorities;

namespace Tracker.Host.Integrations.Webhooks;

/// <summary>The wire shape of a new webhook subscription. Empty or missing lists mean "everything".</summary>
public sealed record SubscriptionInput(string? Url, List<string>? Types, List<string>? Authorities, List<string>? Regions);

/// <summary>A subscription as listed; a secret is shown only in the answer that issued it (creation, rotation).</summary>
public sealed record SubscriptionView(Guid Id, string Url, IReadOnlyList<string> Types, IReadOnlyList<string> Authorities,
    IReadOnlyList<string> Regions, string Status, string? StatusReason, DateTimeOffset CreatedAt, string? Secret = null)
{
    public static SubscriptionView From(WebhookSubscription s, string? issuedSecret = null) =>
        new(s.Id, s.Url, s.Types, s.Authorities, s.Regions, s.Status, s.StatusReason, s.CreatedAt, issuedSecret);
}

public static class CreateSubscriptionEndpoint
{
    /// <summary>Subscribe a webhook. The answer carries the signing secret; it is shown this once only.</summary>
    [WolverinePost("/api/subscriptions", OperationId = "CreateSubscription")]
    [ProducesResponseType(typeof(SubscriptionView), 201, "application/json")]
    [ProducesResponseType(typeof(ValidationProblemDetails), 400, "application/problem+json")]
    public static async Task<IResult> Post(SubscriptionInput input, IDocumentSession session, IntegrationOptions options,
        TimeProvider clock, WebhookSecrets secrets, IHostResolver resolver, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        if (await TargetGuard.CheckAsync(input.Url, options.AllowPrivateTargets, resolver, ct) is { } refused) errors["url"] = [refused];
        var types = (input.Types ?? []).Distinct().ToList();
        if (types.Where(t => !CloudEventTypes.All.Contains(t)).ToArray() is { Length: > 0 } unknown)
            errors["types"] = [$"Unknown type(s) {string.Join(", ", unknown)}; known: {string.Join(", ", CloudEventTypes.All)}."];
        var authorities = new List<string>();
        foreach (var token in input.Authorities ?? [])
        {
            if (await AuthorityKeys.ResolveAsync(session, token, ct) is { } key) authorities.Add(key);
            else errors["authorities"] = [.. errors.GetValueOrDefault("authorities") ?? [], $"No local authority matches '{token}'."];
        }
        if (errors.Count > 0) throw Rejection.Invalid(errors);

        var secret = WebhookSignature.NewSecret();
        var subscription = new WebhookSubscription
        {
            Id = Guid.NewGuid(),
            Url = input.Url!,
            Types = types,
            Authorities = authorities.Distinct().ToList(),
            Regions = (input.Regions ?? []).Where(r => !string.IsNullOrWhiteSpace(r)).Select(r => r.Trim()).Distinct().ToList(),
            Secrets = [secrets.Protect(secret)],
            CreatedAt = clock.GetUtcNow(),
        };
        session.Store(subscription);
        await session.SaveChangesAsync(ct);
        return Results.Created($"/api/subscriptions/{subscription.Id}", SubscriptionView.From(subscription, secret));
    }
}
