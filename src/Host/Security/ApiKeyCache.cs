using System.Collections.Concurrent;
using Marten;

namespace Tracker.Host.Security;

/// <summary>
/// Active keys this node has recently looked up, so an authenticated request costs no database read. The price is that
/// a key revoked with the CLI (or on another node) keeps working here for up to <see cref="Lifetime"/>. Revoked keys are
/// never cached. Key ids that do not exist are remembered for <see cref="UnknownLifetime"/>, so a client retrying a bad
/// key (or a flood of them) costs one read per id, not one per request.
/// </summary>
public sealed class ApiKeyCache(IDocumentStore store, TimeProvider clock, IConfiguration configuration)
{
    /// <summary>Bounds the memory a flood of random ids can take; past it the unknown ids are forgotten.</summary>
    public const int MaxUnknownIds = 10_000;

    private readonly ConcurrentDictionary<string, (ApiKey Key, DateTimeOffset Until)> _active = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, DateTimeOffset> _unknown = new(StringComparer.Ordinal);
    private long _storeReads;

    public TimeSpan Lifetime { get; } = Seconds(configuration, "Tracker:Auth:KeyCacheSeconds");

    public TimeSpan UnknownLifetime { get; } = Seconds(configuration, "Tracker:Auth:UnknownKeyCacheSeconds");

    /// <summary>How many times this node has read a key from the store (tests and diagnostics).</summary>
    public long StoreReads => Interlocked.Read(ref _storeReads);

    public async Task<ApiKey?> FindActiveAsync(string id, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        if (_active.TryGetValue(id, out var hit) && hit.Until > now) return hit.Key;
        if (_unknown.TryGetValue(id, out var until) && until > now) return null;

        Interlocked.Increment(ref _storeReads);
        await using var session = store.QuerySession();
        var key = await session.LoadAsync<ApiKey>(id, ct);
        if (key is null) RememberUnknown(id, now);
        if (key is null || !key.IsActive)
        {
            _active.TryRemove(id, out _);
            return null;
        }
        _unknown.TryRemove(id, out _);
        if (Lifetime > TimeSpan.Zero) _active[id] = (key, now + Lifetime);
        return key;
    }

    private void RememberUnknown(string id, DateTimeOffset now)
    {
        if (UnknownLifetime <= TimeSpan.Zero) return;
        if (_unknown.Count >= MaxUnknownIds)
        {
            foreach (var (stale, until) in _unknown)
                if (until <= now) _unknown.TryRemove(stale, out _);
            if (_unknown.Count >= MaxUnknownIds) _unknown.Clear();
        }
        _unknown[id] = now + UnknownLifetime;
    }

    private static TimeSpan Seconds(IConfiguration configuration, string key) =>
        TimeSpan.FromSeconds(Math.Max(0, configuration.GetValue(key, 10)));
}
