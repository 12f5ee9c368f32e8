using Marten;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.Repositories;
using System.Xml.Linq;

namespace Tracker.Host.Integrations.Webhooks;

/// <summary>A signing secret as stored: protected by ASP.NET Data Protection, and until when it still signs (rotation).</summary>
public sealed record ProtectedSecret(string Protected, DateTimeOffset? Until);

/// <summary>
/// Keeps webhook signing secrets encrypted at rest with ASP.NET Data Protection, whose key ring lives in PostgreSQL
/// (<see cref="DataProtectionKeyDocument"/>) so every node can sign. During a rotation's overlap every secret that
/// has not expired signs, as Standard Webhooks allows ("v1,… v1,…"), so receivers can switch without a gap.
/// </summary>
public sealed class WebhookSecrets(IDataProtectionProvider provider, TimeProvider clock)
{
    private readonly IDataProtector _protector = provider.CreateProtector("Tracker.Webhooks.SigningSecret.v1");

    public ProtectedSecret Protect(string secret, DateTimeOffset? until = null) => new(_protector.Protect(secret), until);

    /// <summary>The secrets that sign now: a subscription created before encryption still has its plain one.</summary>
    public IReadOnlyList<string> Signing(WebhookSubscription s)
    {
        var now = clock.GetUtcNow();
        var active = s.Secrets.Where(x => x.Until is null || x.Until > now).Select(x => _protector.Unprotect(x.Protected)).ToList();
        if (!string.IsNullOrEmpty(s.Secret)) active.Add(s.Secret);
        return active;
    }

    /// <summary>A new secret that signs from now on; the ones signing now keep signing until the overlap ends.</summary>
    public string Rotate(WebhookSubscription s, TimeSpan overlap)
    {
        var until = clock.GetUtcNow() + overlap;
        var kept = s.Secrets.Select(x => x with { Until = x.Until is { } u && u < until ? u : until }).ToList();
        if (!string.IsNullOrEmpty(s.Secret)) kept.Add(Protect(s.Secret, until));
        var fresh = WebhookSignature.NewSecret();
        s.Secret = "";
        s.Secrets = [.. kept.Where(x => x.Until > clock.GetUtcNow()), Protect(fresh)];
        return fresh;
    }
}

/// <summary>One Data Protection key, as the XML element the key manager writes.</summary>
public sealed class DataProtectionKeyDocument
{
    public string Id { get; set; } = "";
    public string Xml { get; set; } = "";
}

/// <summary>The Data Protection key ring in Tracker's own PostgreSQL, through Marten: shared by every node.</summary>
public sealed class MartenXmlRepository(IDocumentStore store) : IXmlRepository
{
    public IReadOnlyCollection<XElement> GetAllElements()
    {
        using var session = store.QuerySession();
        var keys = session.Query<DataProtectionKeyDocument>().ToListAsync().GetAwaiter().GetResult();
        return keys.Select(d => XElement.Parse(d.Xml)).ToList();
    }

    public void StoreElement(XElement element, string friendlyName)
    {
        using var session = store.LightweightSession();
        session.Store(new DataProtectionKeyDocument { Id = friendlyName, Xml = element.ToString(SaveOptions.DisableFormatting) });
        // The key manager's interface is synchronous; it stores a key only when it creates one (rarely).
        session.SaveChangesAsync().GetAwaiter().GetResult();
    }
}
