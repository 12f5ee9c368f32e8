using Marten;
using Tracker.Domain.Authorities;
using Tracker.Projections.Authorities;

namespace Tracker.Host.Writes;

/// <summary>The write models a request needs, loaded in as few round trips as its authority identifiers allow.</summary>
public static class WriteModels
{
    /// <summary>
    /// Stream keys (what bulk clients and importers send) are loaded directly, all in one query; any other identifier,
    /// or a key-like token that is not a stream key (a URN), costs one resolve query and one more load. The inline
    /// snapshot is committed with its events, so each model's <see cref="Authority.Version"/> is its stream's version.
    /// </summary>
    /// <returns>Each token's stream key (null when no authority matches), and the models by stream key.</returns>
    public static async Task<(Dictionary<string, string?> Ids, Dictionary<string, Authority> States)> LoadAsync(
        IQuerySession session, IEnumerable<string> tokens, CancellationToken ct)
    {
        var ids = tokens.Distinct(StringComparer.Ordinal)
            .ToDictionary(t => t, t => AuthorityKeys.LooksLikeStreamKey(t) ? t : null, StringComparer.Ordinal);
        var keys = ids.Values.OfType<string>().Distinct().ToArray();
        var states = keys.Length == 0 ? new Dictionary<string, Authority>(StringComparer.Ordinal)
            : (await session.LoadManyAsync<Authority>(ct, keys)).ToDictionary(a => a.Id, StringComparer.Ordinal);
        foreach (var token in ids.Keys.Where(t => ids[t] is not { } id || !states.ContainsKey(id)).ToList())
            ids[token] = await AuthorityKeys.ResolveAsync(session, token, ct);
        var more = ids.Values.OfType<string>().Where(id => !states.ContainsKey(id)).Distinct().ToArray();
        if (more.Length > 0)
            foreach (var a in await session.LoadManyAsync<Authority>(ct, more)) states[a.Id] = a;
        return (ids, states);
    }
}
