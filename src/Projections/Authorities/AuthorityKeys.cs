using Marten;
using Tracker.Domain.Authorities;

namespace Tracker.Projections.Authorities;

/// <summary>How reads and the writer turn any of an authority's identifiers into its stream key (the DfE code).</summary>
public static class AuthorityKeys
{
    /// <summary>Accepts the DfE code (380), GSS code (E08000032), Ofsted URN (80449) or name slug (bradford).</summary>
    public static async Task<string?> ResolveAsync(IQuerySession session, string token, CancellationToken ct)
    {
        var text = token.Trim();
        if (text.Length is 0 or > 100) return null;
        var upper = text.ToUpperInvariant();
        var lower = text.ToLowerInvariant();
        return await session.Query<Authority>()
            .Where(a => a.Id == text || a.Urn == text || a.GssCode == upper || a.Slug == lower)
            .Select(a => a.Id)
            .FirstOrDefaultAsync(ct);
    }

    public static async Task<Authority?> LoadAsync(IQuerySession session, string token, CancellationToken ct) =>
        await ResolveAsync(session, token, ct) is { } id ? await session.LoadAsync<Authority>(id, ct) : null;

    /// <summary>Stream keys are DfE codes (three digits) or, for other inspected bodies, short codes without spaces or lowercase.</summary>
    public static bool LooksLikeStreamKey(string token) =>
        token.Length is > 0 and <= 20 && token.All(c => char.IsAsciiDigit(c) || char.IsAsciiLetterUpper(c));
}
