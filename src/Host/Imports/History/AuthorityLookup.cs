using Marten;
using Tracker.Domain.Authorities;
using Tracker.Projections.Authorities;

namespace Tracker.Host.Imports.History;

/// <summary>
/// Resolves a chunk's URN cells to stream keys in one query, with the same identifiers <see cref="AuthorityKeys.ResolveAsync"/>
/// accepts (DfE code, URN, GSS code, slug), and remembers the answers for the rest of the file.
/// </summary>
public sealed class AuthorityLookup(IDocumentStore store)
{
    private readonly Dictionary<string, string?> _resolved = new(StringComparer.Ordinal);

    public string? this[string token] => _resolved.GetValueOrDefault(token);

    public async Task ResolveAsync(IEnumerable<string> tokens, CancellationToken ct)
    {
        var wanted = tokens.Where(t => !_resolved.ContainsKey(t)).Distinct(StringComparer.Ordinal).ToList();
        if (wanted.Count == 0) return;
        var texts = wanted.Select(t => t.Trim()).Where(t => t.Length is > 0 and <= 100).Distinct().ToArray();
        var uppers = texts.Select(t => t.ToUpperInvariant()).ToArray();
        var lowers = texts.Select(t => t.ToLowerInvariant()).ToArray();

        await using var query = store.QuerySession();
        var rows = texts.Length == 0 ? [] : await query.Query<Authority>()
            .Where(a => a.Id.IsOneOf(texts) || a.Urn!.IsOneOf(texts) || a.GssCode!.IsOneOf(uppers) || a.Slug.IsOneOf(lowers))
            .Select(a => new { a.Id, a.Urn, a.GssCode, a.Slug })
            .ToListAsync(ct);
        var found = rows.Select(a => new Keys(a.Id, a.Urn, a.GssCode, a.Slug)).ToList();
        foreach (var token in wanted)
        {
            var text = token.Trim();
            var (upper, lower) = (text.ToUpperInvariant(), text.ToLowerInvariant());
            _resolved[token] = (found.FirstOrDefault(k => k.Id == text) ?? found.FirstOrDefault(k => k.Urn == text)
                ?? found.FirstOrDefault(k => k.GssCode == upper) ?? found.FirstOrDefault(k => k.Slug == lower))?.Id;
        }
    }

    public sealed record Keys(string Id, string? Urn, string? GssCode, string Slug);
}
