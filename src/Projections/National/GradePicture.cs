using Tracker.Domain.Common;
using Tracker.Projections.CurrentGrades;

namespace Tracker.Projections.National;

/// <summary>
/// How many authorities held each grade in one judgement area on a date (Ofsted's "as at" method): each authority that
/// existed that day counts once, at the grade of its latest graded inspection published on or before the date.
/// </summary>
public sealed record GradePicture(
    string Scope,
    string Area,
    DateOnly AsOf,
    DateTimeOffset? KnownAt,
    int Authorities,
    int Outstanding,
    int Good,
    int RequiresImprovement,
    int Inadequate,
    int Ungraded,
    int Graded,
    decimal? GoodOrOutstandingPercent,
    string Method);

public static class GradePictures
{
    public const string MethodText =
        "Each authority existing on asOf counts once, at its grade in this area from its latest graded SIF or ILACS inspection published on or before asOf; " +
        "ungraded if it has none or that inspection has no grade in this area. goodOrOutstandingPercent = (good + outstanding) / graded * 100, rounded half away from zero to 1 decimal place.";

    /// <summary>
    /// The grade in an area that counts for an authority on a date, or null when it is ungraded there. As in Ofsted's
    /// own statistics only SIF and ILACS inspections count; reports under earlier frameworks are history.
    /// </summary>
    public static Grade? GradeOn(AuthorityStanding s, string area, DateOnly asOf) =>
        LatestInspection.Of(s.Inspections, asOf, nationalOnly: true) is { } latest && latest.Grades.TryGetValue(area, out var g) && g.IsGraded() ? g : null;

    public static GradePicture Compute(string scope, string area, DateOnly asOf, DateTimeOffset? knownAt, IEnumerable<AuthorityStanding> standings)
    {
        var counts = new int[GradeContribution.Buckets];
        foreach (var s in standings.Where(s => s.ExistedOn(asOf))) counts[GradeContribution.Bucket(GradeOn(s, area, asOf))]++;
        return FromCounts(scope, area, asOf, knownAt, counts);
    }

    /// <summary>The picture from authorities per bucket: [outstanding, good, requires improvement, inadequate, ungraded].</summary>
    public static GradePicture FromCounts(string scope, string area, DateOnly asOf, DateTimeOffset? knownAt, IReadOnlyList<int> counts)
    {
        var (outstanding, good, ri, inadequate, ungraded) = (counts[0], counts[1], counts[2], counts[3], counts[GradeContribution.Ungraded]);
        var graded = outstanding + good + ri + inadequate;
        decimal? percent = graded == 0 ? null : Math.Round(100m * (good + outstanding) / graded, 1, MidpointRounding.AwayFromZero);
        return new GradePicture(scope, area, asOf, knownAt, graded + ungraded, outstanding, good, ri, inadequate, ungraded, graded, percent, MethodText);
    }
}
