using Marten;
using Tracker.Domain.Common;
using Tracker.Projections.Authorities;
using Tracker.Projections.Common;
using Tracker.Projections.CurrentGrades;

namespace Tracker.Projections.National;

public sealed record NeighbourComparison(
    AuthorityRow Authority, IReadOnlyList<AuthorityRow> Neighbours, GradePicture Picture);

/// <summary>The picture reads: England or a region (stored, or folded with knownAt), and statistical neighbours.</summary>
public static class GradePictureReads
{
    /// <summary>
    /// Without knownAt: from the async GradePicture projection (eventually consistent; ProcessedSequence says how far it
    /// had got). With knownAt: folds the events recorded by then, and ProcessedSequence is null.
    /// </summary>
    public static async Task<(GradePicture Picture, long? ProcessedSequence)> PictureAsync(IQuerySession session,
        string area, DateOnly asOf, DateTimeOffset? knownAt, string? region, CancellationToken ct)
    {
        if (knownAt is null)
        {
            var stored = region is null
                ? await StoredGradePictures.EnglandAsync(session, area, asOf, ct)
                : await StoredGradePictures.RegionAsync(session, region, area, asOf, ct);
            return (stored.Picture, stored.ProcessedSequence);
        }

        var standings = await ReadModels.AllStandingsAsync(session, knownAt, ct);
        if (region is null) return (GradePictures.Compute(GradeScope.England, area, asOf, knownAt, standings), null);
        var inRegion = InRegion(standings, region);
        return (GradePictures.Compute(inRegion[0].Region ?? region, area, asOf, knownAt, inRegion), null);
    }

    /// <summary>Loads only the authority and its neighbours (as known at knownAt when given), never every standing.</summary>
    public static async Task<NeighbourComparison> NeighboursAsync(IQuerySession session, string authority, string area,
        DateOnly asOf, DateTimeOffset? knownAt, CancellationToken ct)
    {
        var id = await ReadModels.ResolveAsync(session, authority, ct);
        var self = await ReadModels.StandingAsync(session, id, knownAt, ct);
        var neighbours = await ReadModels.StandingsAsync(session, self.StatisticalNeighbours, knownAt, ct);
        return new NeighbourComparison(
            AuthorityRow.From(self, area, asOf),
            neighbours.Select(n => AuthorityRow.From(n, area, asOf)).ToList(),
            GradePictures.Compute($"statistical neighbours of {self.Name}", area, asOf, knownAt, neighbours));
    }

    /// <summary>The standings in a region (by name, code or slug); a 404 problem when there are none.</summary>
    public static IReadOnlyList<AuthorityStanding> InRegion(IEnumerable<AuthorityStanding> standings, string region)
    {
        var inRegion = standings.Where(s => AuthorityRow.InRegion(s, region)).ToList();
        return inRegion.Count > 0 ? inRegion
            : throw new Rejection(RejectionKind.NotFound, RegionNames.UnknownTitle, RegionNames.UnknownDetail(region));
    }
}
