using System.Globalization;
using Marten;
using Tracker.Domain.Common;
using Tracker.Host.Common;
using Tracker.Projections.National;

namespace Tracker.Host.National;

/// <summary>Query message: the picture at each quarter end from From to To, for England or one region.</summary>
public sealed record GetGradeSeries(
    string Area, DateOnly From, DateOnly To, DateTimeOffset? KnownAt = null, string? Region = null);

public static class GetGradeSeriesHandler
{
    /// <summary>The default start: the first quarter of 2014, when SIF (2013) reports began to be published.</summary>
    public static readonly DateOnly DefaultFrom = new(2014, 1, 1);

    public static readonly string[] CsvHeader =
    [
        "scope", "area", "as_of", "authorities", "outstanding", "good", "requires_improvement", "inadequate",
        "ungraded", "graded", "good_or_outstanding_percent",
    ];

    public static async Task<GradeSeries> Handle(GetGradeSeries query, IQuerySession session, CancellationToken ct) =>
        (await AnswerAsync(query, session, ct)).Series;

    /// <summary>Without knownAt from the async projection (eventually consistent); with it, from the events.</summary>
    public static Task<(GradeSeries Series, long? ProcessedSequence)> AnswerAsync(
        GetGradeSeries query, IQuerySession session, CancellationToken ct) =>
        StoredGradeSeries.AnswerAsync(session, query.Area, query.From, query.To, query.KnownAt, query.Region, ct);

    /// <summary>from and to as YYYY-MM-DD (to defaults to today, as asOf does), from not after to.</summary>
    public static (DateOnly From, DateOnly To) Range(string? from, string? to, TimeProvider clock)
    {
        var errors = new Errors();
        var end = ReadQuery.Parse(null, null, clock).AsOf;
        var start = DefaultFrom;
        if (!string.IsNullOrWhiteSpace(from) && !TryDate(from, out start))
            errors.Add("from", "must be a date as YYYY-MM-DD, e.g. 2014-01-01.");
        if (!string.IsNullOrWhiteSpace(to) && !TryDate(to, out end))
            errors.Add("to", "must be a date as YYYY-MM-DD, e.g. 2024-03-31.");
        if (!errors.Any && start > end) errors.Add("from", "must not be after to.");
        if (!errors.Any && GradeSeriesReads.QuarterEnds(start, end).Count > GradeSeriesReads.MaxPoints)
            errors.Add("from", $"the range may hold at most {GradeSeriesReads.MaxPoints} quarters.");
        errors.ThrowIfAny();
        return (start, end);
    }

    private static bool TryDate(string text, out DateOnly day) =>
        DateOnly.TryParseExact(text.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out day);

    public static IEnumerable<IReadOnlyList<object?>> CsvRows(GradeSeries s) =>
        s.Points.Select(p => (IReadOnlyList<object?>)
    [
        s.Scope, s.Area, p.AsOf, p.Authorities, p.Outstanding, p.Good, p.RequiresImprovement, p.Inadequate, p.Ungraded,
        p.Graded, p.GoodOrOutstandingPercent,
    ]);
}
