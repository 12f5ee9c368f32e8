using Marten;
using Tracker.Projections.Common;
using Tracker.Projections.CurrentGrades;

namespace Tracker.Projections.Authorities;

/// <summary>What a list asks for; Grade is a wire grade or "ungraded" (validated by the caller).</summary>
public sealed record AuthorityListQuery(string? Region, string Area, string? Grade, bool IncludeDefunct, DateOnly AsOf,
    DateTimeOffset? KnownAt, int Page, int PageSize);

/// <summary>
/// One page of the register as at a date. Without knownAt it never loads whole standings: first the few fields that
/// filter and order (id, name, region, existence dates) of every authority, then the list fields (register fields and
/// inspections) of only the page's authorities, or, with a grade filter, of the authorities left after the other
/// filters (a row's grade depends on asOf, so it cannot be filtered in the database). Visits, JTAIs, withdrawn
/// reports and data-quality notes, the parts of a standing that grow, are never read.
/// </summary>
public static class AuthorityList
{
    public static async Task<(int Total, IReadOnlyList<AuthorityRow> Rows)> PageAsync(
        IQuerySession session, AuthorityListQuery query, CancellationToken ct)
    {
        if (query.KnownAt is not null)
        {
            var standings = await ReadModels.AllStandingsAsync(session, query.KnownAt, ct);
            return Page(query, standings.Where(s => Wanted(query, s.FormedOn, s.AbolishedOn, s.Region, s.RegionCode))
                .OrderBy(s => s.Name, StringComparer.Ordinal).ThenBy(s => s.Id, StringComparer.Ordinal)
                .Select(s => AuthorityRow.From(s, query.Area, query.AsOf)));
        }

        var keys = (await session.Query<AuthorityStanding>()
                .Select(s => new ListingKey
                {
                    Id = s.Id, Name = s.Name, Region = s.Region, RegionCode = s.RegionCode, FormedOn = s.FormedOn,
                    AbolishedOn = s.AbolishedOn,
                })
                .ToListAsync(ct))
            .Where(k => Wanted(query, k.FormedOn, k.AbolishedOn, k.Region, k.RegionCode))
            .OrderBy(k => k.Name, StringComparer.Ordinal).ThenBy(k => k.Id, StringComparer.Ordinal)
            .Select(k => k.Id).ToList();
        if (query.Grade is null)
        {
            var page = keys.Skip((query.Page - 1) * query.PageSize).Take(query.PageSize).ToList();
            return (keys.Count, await RowsAsync(session, page, query, ct));
        }
        return Page(query, await RowsAsync(session, keys, query, ct));
    }

    /// <summary>The list fields of the given authorities, in the order given.</summary>
    private static async Task<IReadOnlyList<AuthorityRow>> RowsAsync(IQuerySession session, List<string> ids,
        AuthorityListQuery query, CancellationToken ct)
    {
        if (ids.Count == 0) return [];
        var wanted = ids.ToArray();
        var listings = (await session.Query<AuthorityStanding>()
                .Where(s => s.Id.IsOneOf(wanted))
                .Select(s => new AuthorityListing
                {
                    Id = s.Id, Name = s.Name, Slug = s.Slug, Urn = s.Urn, GssCode = s.GssCode,
                    AuthorityType = s.AuthorityType, Region = s.Region, RegionCode = s.RegionCode,
                    FormedOn = s.FormedOn, AbolishedOn = s.AbolishedOn, Predecessors = s.Predecessors,
                    Successors = s.Successors, StatisticalNeighbours = s.StatisticalNeighbours, Inspections = s.Inspections,
                })
                .ToListAsync(ct))
            .ToDictionary(l => l.Id, StringComparer.Ordinal);
        return ids.Select(listings.GetValueOrDefault).OfType<AuthorityListing>()
            .Select(l => AuthorityRow.From(l, query.Area, query.AsOf)).ToList();
    }

    private static (int, IReadOnlyList<AuthorityRow>) Page(AuthorityListQuery query, IEnumerable<AuthorityRow> ordered)
    {
        var rows = ordered.Where(r => query.Grade is null || r.Grade == query.Grade).ToList();
        return (rows.Count, rows.Skip((query.Page - 1) * query.PageSize).Take(query.PageSize).ToList());
    }

    private static bool Wanted(AuthorityListQuery query, DateOnly? formedOn, DateOnly? abolishedOn, string? region, string? code) =>
        (query.IncludeDefunct || AuthorityStanding.Existed(formedOn, abolishedOn, query.AsOf))
        && (query.Region is null || RegionNames.Matches(region, code, query.Region));

    /// <summary>The fields that filter and order a list: a few dozen bytes per authority.</summary>
    public sealed class ListingKey
    {
        public string Id { get; set; } = "";
        public string Name { get; set; } = "";
        public string? Region { get; set; }
        public string? RegionCode { get; set; }
        public DateOnly? FormedOn { get; set; }
        public DateOnly? AbolishedOn { get; set; }
    }
}
