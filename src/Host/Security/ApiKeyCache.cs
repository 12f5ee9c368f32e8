using System.Collections.Concurrent;
using Marten;

namespace Tracker.Host.Security;

/// <summary>
/// Active keys this node has recently looked up, so an authenticated request costs no database read. The price is that
/// a key revoked with the CLI (or on another node) keeps working here for up to <see cref="Lifetime"/>; unknown and
/// revoked keys are never cached, so a new key works at once.
/// </summary>
public sealed class ApiKeyCache(IDocumentStore store, TimeProvider clock, IConfiguration configuration)
{
    private readonly ConcurrentDictionary<string, (ApiKey Key, DateTimeOffset Until)> _active = new(StringComparer.Ordinal);

    public TimeSpan Lifetime { get; } = TimeSpan.FromSeconds(Math.Max(0, configuration.GetValue("Tracker:Auth:KeyCacheSeconds", 10)));

    public async Task<ApiKey?> FindActiveAsync(string id, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        if (_active.TryGetValue(id, out var hit) && hit.Until > now) return hit.Key;

        await using var session = store.QuerySession();
        var key = await session.LoadAsync<ApiKey>(id, ct);
        if (key is null || !key.IsActive)
        {
            _active.TryRemove(id, out _);
            return null;
        }
        if (Lifetime > TimeSpan.Zero) _active[id] = (key, now + Lifetime);
        return key;
    }
}
