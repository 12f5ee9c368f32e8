using Tracker.Projections.CurrentGrades;

namespace Tracker.Projections.National;

/// <summary>One point of a series: the picture as at <see cref="AsOf"/>, without the method text.</summary>
public sealed record GradeSeriesPoint(
    DateOnly AsOf, int Authorities, int Outstanding, int Good, int RequiresImprovement, int Inadequate, int Ungraded,
    int Graded, decimal? GoodOrOutstandingPercent)
{
    public static GradeSeriesPoint From(GradePicture p) => new(p.AsOf, p.Authorities, p.Outstanding, p.Good,
        p.RequiresImprovement, p.Inadequate, p.Ungraded, p.Graded, p.GoodOrOutstandingPercent);
}

/// <summary>The grade picture of one scope and area at each quarter end from From to To.</summary>
public sealed record GradeSeries(
    string Scope, string Area, DateOnly From, DateOnly To, IReadOnlyList<GradeSeriesPoint> Points, string Method);

/// <summary>A stored change row (see <see cref="GradeDelta"/>): a month's (#m) or a day's (#d) changes.</summary>
public sealed record GradeSeriesRow(DateOnly Day, bool Monthly, int[]? Counts);

/// <summary>
/// Quarterly pictures by the same "as at" rule as <see cref="GradePictures"/>. From the stored rows: one read of the
/// scope's month rows (and the last month's day rows), summed in date order, instead of one query per quarter.
/// </summary>
public static class GradeSeriesReads
{
    /// <summary>More points is a 400: a century of quarters is far beyond any chart, and it bounds the work.</summary>
    public const int MaxPoints = 400;

    /// <summary>Every quarter end (31 Mar, 30 Jun, 30 Sep, 31 Dec) in [from, to], then `to` if it is not one.</summary>
    public static IReadOnlyList<DateOnly> QuarterEnds(DateOnly from, DateOnly to)
    {
        var days = new List<DateOnly>();
        var quarter = new DateOnly(from.Year, (from.Month - 1) / 3 * 3 + 1, 1).AddMonths(3).AddDays(-1);
        for (; quarter <= to; quarter = quarter.AddDays(1).AddMonths(3).AddDays(-1))
            days.Add(quarter);
        if (days.Count == 0 || days[^1] != to) days.Add(to);
        return days;
    }

    /// <summary>
    /// Running sums over the rows: month rows cover whole months, so a month-end point needs only them; the last point,
    /// when it falls inside a month, adds that month's day rows up to it instead of the month row.
    /// </summary>
    public static GradeSeries Fold(
        string scope, string area, DateOnly from, DateOnly to, IEnumerable<GradeSeriesRow> rows)
    {
        var months = rows.Where(r => r.Monthly && r.Counts is not null).OrderBy(r => r.Day).ToList();
        var days = rows.Where(r => !r.Monthly && r.Counts is not null).ToList();
        var counts = new int[GradeContribution.Buckets];
        var points = new List<GradeSeriesPoint>();
        var next = 0;
        foreach (var asOf in QuarterEnds(from, to))
        {
            var monthStart = new DateOnly(asOf.Year, asOf.Month, 1);
            var monthEnd = monthStart.AddMonths(1).AddDays(-1);
            var lastFull = asOf == monthEnd ? monthStart : monthStart.AddDays(-1);
            for (; next < months.Count && months[next].Day <= lastFull; next++)
                Add(counts, months[next].Counts!);
            var at = (int[])counts.Clone();
            if (asOf != monthEnd)
                foreach (var d in days.Where(d => d.Day >= monthStart && d.Day <= asOf)) Add(at, d.Counts!);
            points.Add(GradeSeriesPoint.From(GradePictures.FromCounts(scope, area, asOf, null, at)));
        }
        return new GradeSeries(scope, area, from, to, points, GradePictures.MethodText);
    }

    /// <summary>The same series computed from standings (with knownAt, where the stored rows do not apply).</summary>
    public static GradeSeries Compute(string scope, string area, DateOnly from, DateOnly to, DateTimeOffset? knownAt,
        IReadOnlyList<AuthorityStanding> standings) =>
        new(scope, area, from, to,
            [.. QuarterEnds(from, to)
                .Select(d => GradeSeriesPoint.From(GradePictures.Compute(scope, area, d, knownAt, standings)))],
            GradePictures.MethodText);

    private static void Add(int[] into, int[] change)
    {
        for (var i = 0; i < into.Length && i < change.Length; i++) into[i] += change[i];
    }
}
