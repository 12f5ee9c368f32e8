using Marten;
using Tracker.Host.Common;
using Tracker.Projections.Common;
using Tracker.Projections.CurrentGrades;

namespace Tracker.Host.CurrentGrades;

/// <summary>Query message: where one authority stands as at a date, as known at a moment.</summary>
public sealed record GetCurrentGrade(string Authority, DateOnly AsOf, DateTimeOffset? KnownAt = null);

public static class GetCurrentGradeHandler
{
    public static async Task<CurrentGrade> Handle(GetCurrentGrade query, IQuerySession session, CancellationToken ct)
    {
        var standing = await ReadModels.StandingOfAsync(session, query.Authority, query.KnownAt, ct);
        return Projections.CurrentGrades.CurrentGrades.At(standing, query.AsOf, query.KnownAt);
    }
}
