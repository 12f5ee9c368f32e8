namespace Tracker.Host.Integrations.Webhooks;

public static class SubscriptionStatus
{
    public const string Active = "active";
    public const string Paused = "paused";
    /// <summary>The receiver answered 410 Gone; only a new subscription receives again.</summary>
    public const string Disabled = "disabled";
}

/// <summary>A webhook endpoint and what it wants. Empty filter lists mean "everything".</summary>
public sealed class WebhookSubscription
{
    public Guid Id { get; set; }
    public string Url { get; set; } = "";
    public List<string> Types { get; set; } = [];
    /// <summary>DfE codes (stream keys), resolved from whatever code or slug the caller gave.</summary>
    public List<string> Authorities { get; set; } = [];
    public List<string> Regions { get; set; } = [];
    /// <summary>A plain signing secret of a subscription made before secrets were encrypted; empty for newer ones.</summary>
    public string Secret { get; set; } = "";
    /// <summary>The whsec_ signing secrets, encrypted (see WebhookSecrets); shown once, at creation or rotation.</summary>
    public List<ProtectedSecret> Secrets { get; set; } = [];
    public string Status { get; set; } = SubscriptionStatus.Active;
    public string? StatusReason { get; set; }
    public DateTimeOffset CreatedAt { get; set; }

    public bool Matches(CloudEvent e) =>
        (Types.Count == 0 || Types.Contains(e.Type))
        && (Authorities.Count == 0 || Authorities.Contains(e.Subject))
        && (Regions.Count == 0 || Regions.Any(r => string.Equals(r, e.Data.Authority.Region, StringComparison.OrdinalIgnoreCase)
                                                 || string.Equals(r, e.Data.Authority.RegionCode, StringComparison.OrdinalIgnoreCase)));
}
