using Marten;
using Tracker.Domain.Authorities;
using Wolverine.Http;

namespace Tracker.Host.Authorities;

public static class ListAuthoritiesEndpoint
{
    /// <summary>The register: current authorities by default, or every authority ever registered with includeDefunct=true.</summary>
    [WolverineGet("/api/authorities")]
    public static async Task<IReadOnlyList<AuthorityEntry>> Get(IQuerySession session, string? region, bool? includeDefunct, CancellationToken ct)
    {
        IQueryable<Authority> query = session.Query<Authority>();
        if (includeDefunct != true) query = query.Where(a => a.IsCurrent);
        var all = await query.OrderBy(a => a.Name).ToListAsync(ct);
        return all.Where(a => region is null || string.Equals(a.Region, region, StringComparison.OrdinalIgnoreCase)
                              || string.Equals(a.RegionCode, region, StringComparison.OrdinalIgnoreCase))
            .Select(AuthorityEntry.From).ToList();
    }
}
