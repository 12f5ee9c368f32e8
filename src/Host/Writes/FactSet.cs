using Marten;
using Tracker.Domain.Authorities;

namespace Tracker.Host.Writes;

/// <summary>
/// The facts a request's decisions need, loaded by id from their <see cref="KnownFact"/> documents into the write
/// models' working sets: a handful of indexed reads, whatever the length of the streams.
/// </summary>
internal sealed class FactSet(IQuerySession session, IReadOnlyDictionary<string, Authority> states)
{
    private readonly HashSet<string> _loaded = new(StringComparer.Ordinal);

    /// <returns>Whether any fact not asked for before was looked up (found or not).</returns>
    public async Task<bool> LoadAsync(IEnumerable<(string? AuthorityId, string FactId)> wanted, CancellationToken ct)
    {
        var keys = wanted.Where(w => w.AuthorityId is not null && states.ContainsKey(w.AuthorityId) && w.FactId.Length > 0)
            .Select(w => KnownFact.Key(w.AuthorityId!, w.FactId)).Where(_loaded.Add).ToArray();
        if (keys.Length == 0) return false;
        foreach (var fact in await session.LoadManyAsync<KnownFact>(ct, keys))
            // A fact this request already decided on is newer in the working set than in the store.
            states[fact.AuthorityId].Facts.TryAdd(fact.FactId, fact.State);
        return true;
    }

    /// <summary>Facts a decision in this request appended are in the working set already; never look them up.</summary>
    public void Known(string authorityId, IEnumerable<object> events)
    {
        foreach (var fact in events.OfType<Tracker.Domain.Common.IFact>())
            _loaded.Add(KnownFact.Key(authorityId, fact.FactId));
    }
}
