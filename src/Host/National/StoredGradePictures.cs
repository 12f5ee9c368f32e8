using Marten;
using Tracker.Domain.Common;
using Tracker.Host.Authorities;
using Tracker.Projections;
using Tracker.Projections.National;

namespace Tracker.Host.National;

/// <summary>A picture read from the async projection, with the last event sequence the projection had processed.</summary>
public sealed record StoredPicture(GradePicture Picture, long ProcessedSequence);

/// <summary>
/// Answers "as at" pictures from the GradePicture projection: one SQL sum over the scope's year, month and day rows
/// that together cover everything up to asOf (at most ~60 rows, not O(authorities)). Eventually consistent: it reflects the events the daemon has processed.
/// </summary>
public static class StoredGradePictures
{
    public sealed record Sums(int[] Counts, long Processed);

    /// <summary>One statement per number of row ranges (1 to 3): the area's counts summed over the ranges' rows.</summary>
    private static readonly string[] Sql = [.. Enumerable.Range(0, 4).Select(ranges =>
        $"select jsonb_build_object('counts', jsonb_build_array(" +
        string.Join(", ", Enumerable.Range(0, GradeContribution.Buckets).Select(b => $"coalesce(sum((r.c->>{b})::int), 0)")) +
        $"), 'processed', coalesce((select last_seq_id from {TrackerStore.Schema}.mt_event_progression where name = '{GradePictureProjection.ProjectionName}:All'), 0)) " +
        $"from (select d.data->'counts'->? as c from {TrackerStore.Schema}.mt_doc_gradedelta d where " +
        string.Join(" or ", Enumerable.Repeat("(d.scope = any(?) and d.day between ? and ?)", ranges)) + ") r")];

    public static async Task<StoredPicture> EnglandAsync(IQuerySession session, string area, DateOnly asOf, CancellationToken ct) =>
        await ReadAsync(session, [GradeScope.England], "england", area, asOf, ct);

    public static async Task<StoredPicture> RegionAsync(IQuerySession session, string region, string area, DateOnly asOf, CancellationToken ct)
    {
        var (keys, name) = await RegionScopesAsync(session, region, ct);
        return await ReadAsync(session, keys, name, area, asOf, ct);
    }

    /// <summary>The scope keys a region query spans (see <see cref="GradeScope.KeyFor"/>) and its name; 404 when none.</summary>
    public static async Task<(string[] Keys, string Name)> RegionScopesAsync(IQuerySession session, string region, CancellationToken ct)
    {
        var scopes = (await session.Query<GradeScope>().Where(s => s.Members > 0).ToListAsync(ct)).Where(s => Matches(s, region))
            .OrderByDescending(s => s.Members).ToList();
        if (scopes.Count == 0)
            throw new Rejection(RejectionKind.NotFound, "Unknown region", $"No authority is in region '{region}'. Use a region name (London), its code (E12000007) or slug (yorkshire-and-the-humber).");
        return (scopes.Select(s => s.Id).ToArray(), scopes[0].Name ?? region);
    }

    /// <summary>The rule of <see cref="AuthorityRow.InRegion"/>: name, code or slug, ignoring case.</summary>
    private static bool Matches(GradeScope s, string region) => s.Id != GradeScope.England &&
        (string.Equals(s.Name, region, StringComparison.OrdinalIgnoreCase) || string.Equals(s.Code, region, StringComparison.OrdinalIgnoreCase)
         || string.Equals(Authorities.Registration.ReferenceData.Slugify(s.Name ?? ""), region, StringComparison.OrdinalIgnoreCase));

    private static async Task<StoredPicture> ReadAsync(IQuerySession session, string[] scopeKeys, string scopeName, string area, DateOnly asOf, CancellationToken ct)
    {
        var ranges = GradeDelta.RowsFor(asOf);
        var parameters = new List<object> { area };
        foreach (var (suffix, from, to) in ranges) parameters.AddRange([scopeKeys.Select(k => k + suffix).ToArray(), from, to]);
        var sums = (await session.AdvancedSql.QueryAsync<Sums>(Sql[ranges.Count], ct, [.. parameters])).Single();
        return new StoredPicture(GradePictures.FromCounts(scopeName, area, asOf, null, sums.Counts), sums.Processed);
    }
}
