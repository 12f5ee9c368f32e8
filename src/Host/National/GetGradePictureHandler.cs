using Marten;
using Tracker.Projections.National;

namespace Tracker.Host.National;

/// <summary>Query message: grade counts in one area for England (Region null) or one region, as at a date.</summary>
public sealed record GetGradePicture(string Area, DateOnly AsOf, DateTimeOffset? KnownAt = null, string? Region = null);

/// <summary>Query message: one authority beside its statistical neighbours, as at a date.</summary>
public sealed record GetNeighbours(string Authority, string Area, DateOnly AsOf, DateTimeOffset? KnownAt = null);

public static class GetGradePictureHandler
{
    public static readonly string[] CsvHeader =
        ["scope", "area", "as_of", "authorities", "outstanding", "good", "requires_improvement", "inadequate", "ungraded", "graded", "good_or_outstanding_percent"];

    public static async Task<GradePicture> Handle(GetGradePicture query, IQuerySession session, CancellationToken ct) =>
        (await AnswerAsync(query, session, ct)).Picture;

    /// <summary>Without knownAt from the async projection (eventually consistent); with it, folded from the events.</summary>
    public static Task<(GradePicture Picture, long? ProcessedSequence)> AnswerAsync(GetGradePicture query, IQuerySession session, CancellationToken ct) =>
        GradePictureReads.PictureAsync(session, query.Area, query.AsOf, query.KnownAt, query.Region, ct);

    /// <summary>Loads only the authority and its neighbours (as known at knownAt when given), never every standing.</summary>
    public static Task<NeighbourComparison> Handle(GetNeighbours query, IQuerySession session, CancellationToken ct) =>
        GradePictureReads.NeighboursAsync(session, query.Authority, query.Area, query.AsOf, query.KnownAt, ct);

    public static IReadOnlyList<object?> CsvCells(GradePicture p) =>
        [p.Scope, p.Area, p.AsOf, p.Authorities, p.Outstanding, p.Good, p.RequiresImprovement, p.Inadequate, p.Ungraded, p.Graded, p.GoodOrOutstandingPercent];
}
