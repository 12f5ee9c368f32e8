using JasperFx.Events.Projections;
using Marten;
using Tracker.Domain.Common;
using Tracker.Projections.Authorities;

namespace Tracker.Projections.National;

/// <summary>A picture read from the async projection, with the last event sequence the projection had processed.</summary>
public sealed record StoredPicture(GradePicture Picture, long ProcessedSequence);

/// <summary>
/// Answers "as at" pictures from the GradePicture projection: the scope's year, month and day rows that together cover
/// everything up to asOf (at most ~60 rows, not O(authorities)), summed in memory. Eventually consistent: it reflects
/// the events the daemon has processed.
/// </summary>
public static class StoredGradePictures
{
    private static readonly ShardName Shard = new(GradePictureProjection.ProjectionName, ShardName.All, 1);

    public static async Task<StoredPicture> EnglandAsync(IQuerySession session, string area, DateOnly asOf,
        CancellationToken ct) =>
        await ReadAsync(session, [GradeScope.England], GradeScope.England, area, asOf, ct);

    public static async Task<StoredPicture> RegionAsync(IQuerySession session, string region, string area, DateOnly asOf,
        CancellationToken ct)
    {
        var (keys, name) = await RegionScopesAsync(session, region, ct);
        return await ReadAsync(session, keys, name, area, asOf, ct);
    }

    /// <summary>The scope keys a region query spans (see <see cref="GradeScope.KeyFor"/>) and its name; 404 when none.</summary>
    public static async Task<(string[] Keys, string Name)> RegionScopesAsync(IQuerySession session, string region,
        CancellationToken ct)
    {
        var scopes = (await session.Query<GradeScope>().Where(s => s.Members > 0).ToListAsync(ct))
            .Where(s => s.Id != GradeScope.England && RegionNames.Matches(s.Name, s.Code, region))
            .OrderByDescending(s => s.Members).ToList();
        if (scopes.Count == 0)
            throw new Rejection(RejectionKind.NotFound, RegionNames.UnknownTitle, RegionNames.UnknownDetail(region));
        return (scopes.Select(s => s.Id).ToArray(), scopes[0].Name ?? region);
    }

    /// <summary>
    /// The last event sequence the projection had processed. Read before the rows, so the rows reflect at least that
    /// much (the daemon commits rows and progress together).
    /// </summary>
    public static Task<long> ProcessedAsync(IQuerySession session, CancellationToken ct) =>
        session.Database.ProjectionProgressFor(Shard, ct);

    private static async Task<StoredPicture> ReadAsync(IQuerySession session, string[] scopeKeys, string scopeName,
        string area, DateOnly asOf, CancellationToken ct)
    {
        var processed = await ProcessedAsync(session, ct);
        // One round trip: a query per range (year rows before asOf's year, month rows before its month, its month's
        // day rows up to it), each an index range scan on (scope, day).
        var batch = session.CreateBatchQuery();
        var reads = GradeDelta.RowsFor(asOf).Select(range =>
        {
            var keys = scopeKeys.Select(k => k + range.Suffix).ToArray();
            return batch.Query<GradeDelta>()
                .Where(d => d.Scope.IsOneOf(keys) && d.Day >= range.From && d.Day <= range.To).ToList();
        }).ToList();
        await batch.Execute(ct);

        var counts = new int[GradeContribution.Buckets];
        foreach (var read in reads)
        foreach (var row in await read)
            if (row.Counts.TryGetValue(area, out var change))
                for (var b = 0; b < counts.Length && b < change.Length; b++) counts[b] += change[b];
        return new StoredPicture(GradePictures.FromCounts(scopeName, area, asOf, null, counts), processed);
    }
}
