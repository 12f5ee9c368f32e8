using System.Globalization;
using Marten;
using Tracker.Domain.Common;
using Tracker.Host.Authorities;
using Tracker.Host.Common;
using Tracker.Projections;
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

    /// <summary>
    /// Month rows up to To and To's own day rows, for the scope keys, in one statement (a few hundred rows at most).
    /// The day comes from the document: DateOnly.MinValue (the "since ever" row) is -infinity in the day column.
    /// </summary>
    private static readonly string Sql =
        "select jsonb_build_object('day', d.data->'day', 'monthly', d.scope = any(?), 'counts', d.data->'counts'->?, " +
        "'processed', (select last_seq_id from " + TrackerStore.Schema + ".mt_event_progression where name = '" +
        GradePictureProjection.ProjectionName + ":All')) from " + TrackerStore.Schema + ".mt_doc_gradedelta d " +
        "where (d.scope = any(?) and d.day <= ?) or (d.scope = any(?) and d.day between ? and ?)";

    private sealed record Row(DateOnly Day, bool Monthly, int[]? Counts, long? Processed);

    public static async Task<GradeSeries> Handle(GetGradeSeries query, IQuerySession session, CancellationToken ct) =>
        (await AnswerAsync(query, session, ct)).Series;

    /// <summary>Without knownAt from the async projection (eventually consistent); with it, from the events.</summary>
    public static async Task<(GradeSeries Series, long? ProcessedSequence)> AnswerAsync(
        GetGradeSeries query, IQuerySession session, CancellationToken ct)
    {
        if (query.KnownAt is not null) return (await FoldedAsync(query, session, ct), null);

        var (keys, scope) = query.Region is null
            ? ([GradeScope.England], GradeScope.England)
            : await StoredGradePictures.RegionScopesAsync(session, query.Region, ct);
        var monthly = keys.Select(k => k + "#m").ToArray();
        var daily = keys.Select(k => k + "#d").ToArray();
        var lastMonth = new DateOnly(query.To.Year, query.To.Month, 1);
        var rows = await session.AdvancedSql.QueryAsync<Row>(Sql, ct,
            monthly, query.Area, monthly, query.To, daily, lastMonth, query.To);
        var series = GradeSeriesReads.Fold(scope, query.Area, query.From, query.To,
            rows.Select(r => new GradeSeriesRow(r.Day, r.Monthly, r.Counts)));
        return (series, rows.Count > 0 ? rows[0].Processed ?? 0 : null);
    }

    private static async Task<GradeSeries> FoldedAsync(GetGradeSeries query, IQuerySession session,
        CancellationToken ct)
    {
        var standings = await ReadModels.AllStandingsAsync(session, query.KnownAt, ct);
        if (query.Region is null)
            return GradeSeriesReads.Compute(GradeScope.England, query.Area, query.From, query.To, query.KnownAt,
                standings);
        var inRegion = standings.Where(s => AuthorityRow.InRegion(s, query.Region)).ToList();
        if (inRegion.Count == 0) await StoredGradePictures.RegionScopesAsync(session, query.Region, ct); // 404
        var name = inRegion.Count > 0 ? inRegion[0].Region ?? query.Region : query.Region;
        return GradeSeriesReads.Compute(name, query.Area, query.From, query.To, query.KnownAt, inRegion);
    }

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
