using Marten;
using Tracker.Domain.Common;
using Tracker.Host.Authorities;
using Tracker.Host.Common;
using Tracker.Projections.National;

namespace Tracker.Host.National;

/// <summary>Query message: grade counts in one area for England (Region null) or one region, as at a date.</summary>
public sealed record GetGradePicture(string Area, DateOnly AsOf, DateTimeOffset? KnownAt = null, string? Region = null);

/// <summary>Query message: one authority beside its statistical neighbours, as at a date.</summary>
public sealed record GetNeighbours(string Authority, string Area, DateOnly AsOf, DateTimeOffset? KnownAt = null);

public sealed record NeighbourComparison(AuthorityRow Authority, IReadOnlyList<AuthorityRow> Neighbours, GradePicture Picture);

public static class GetGradePictureHandler
{
    public static readonly string[] CsvHeader =
        ["scope", "area", "as_of", "authorities", "outstanding", "good", "requires_improvement", "inadequate", "ungraded", "graded", "good_or_outstanding_percent"];

    public static async Task<GradePicture> Handle(GetGradePicture query, IQuerySession session, CancellationToken ct) =>
        (await AnswerAsync(query, session, ct)).Picture;

    /// <summary>
    /// Without knownAt: from the async GradePicture projection (eventually consistent; ProcessedSequence says how far it
    /// had got). With knownAt: folds the events recorded by then, exactly as before, and ProcessedSequence is null.
    /// </summary>
    public static async Task<(GradePicture Picture, long? ProcessedSequence)> AnswerAsync(GetGradePicture query, IQuerySession session, CancellationToken ct)
    {
        if (query.KnownAt is null)
        {
            var stored = query.Region is null
                ? await StoredGradePictures.EnglandAsync(session, query.Area, query.AsOf, ct)
                : await StoredGradePictures.RegionAsync(session, query.Region, query.Area, query.AsOf, ct);
            return (stored.Picture, stored.ProcessedSequence);
        }

        var standings = await ReadModels.AllStandingsAsync(session, query.KnownAt, ct);
        if (query.Region is null) return (GradePictures.Compute("england", query.Area, query.AsOf, query.KnownAt, standings), null);

        var inRegion = standings.Where(s => AuthorityRow.InRegion(s, query.Region)).ToList();
        if (inRegion.Count == 0)
            throw new Rejection(RejectionKind.NotFound, "Unknown region", $"No authority is in region '{query.Region}'. Use a region name (London), its code (E12000007) or slug (yorkshire-and-the-humber).");
        return (GradePictures.Compute(inRegion[0].Region ?? query.Region, query.Area, query.AsOf, query.KnownAt, inRegion), null);
    }

    /// <summary>Loads only the authority and its neighbours (as known at knownAt when given), never every standing.</summary>
    public static async Task<NeighbourComparison> Handle(GetNeighbours query, IQuerySession session, CancellationToken ct)
    {
        var id = await ReadModels.ResolveAsync(session, query.Authority, ct);
        var self = await ReadModels.StandingAsync(session, id, query.KnownAt, ct);
        var neighbours = await ReadModels.StandingsAsync(session, self.StatisticalNeighbours, query.KnownAt, ct);
        return new NeighbourComparison(
            AuthorityRow.From(self, query.Area, query.AsOf),
            neighbours.Select(n => AuthorityRow.From(n, query.Area, query.AsOf)).ToList(),
            GradePictures.Compute($"statistical neighbours of {self.Name}", query.Area, query.AsOf, query.KnownAt, neighbours));
    }

    public static IReadOnlyList<object?> CsvCells(GradePicture p) =>
        [p.Scope, p.Area, p.AsOf, p.Authorities, p.Outstanding, p.Good, p.RequiresImprovement, p.Inadequate, p.Ungraded, p.Graded, p.GoodOrOutstandingPercent];
}
