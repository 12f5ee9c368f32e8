using Marten;
using Tracker.Domain.Authorities;

namespace Tracker.Host.Imports;

/// <summary>
/// The register as name matching needs it: names, aliases and lifetimes only. The write-model documents also hold a
/// fingerprint per fact, so loading them whole to match a name read the whole store's fact index on every import.
/// </summary>
public static class RegisterNames
{
    public static async Task<List<Authority>> LoadAsync(IQuerySession session, CancellationToken ct)
    {
        var rows = await session.Query<Authority>()
            .Select(a => new { a.Id, a.Name, a.AlsoKnownAs, a.FormedOn, a.AbolishedOn, a.IsCurrent })
            .ToListAsync(ct);
        return rows.Select(r => new Authority
        {
            Id = r.Id, Name = r.Name, AlsoKnownAs = r.AlsoKnownAs, FormedOn = r.FormedOn, AbolishedOn = r.AbolishedOn,
            IsCurrent = r.IsCurrent,
        }).ToList();
    }
}
