using Marten;
using Tracker.Projections.Common;

namespace Tracker.Projections.National;

/// <summary>
/// Answers series: without knownAt from the GradePicture projection's rows (eventually consistent), in one round trip
/// of two index range scans: the scope's month rows up to To (a few hundred at most) and To's month's day rows up to
/// To; with knownAt folded from the events recorded by then.
/// </summary>
public static class StoredGradeSeries
{
    public static async Task<(GradeSeries Series, long? ProcessedSequence)> AnswerAsync(IQuerySession session, string area,
        DateOnly from, DateOnly to, DateTimeOffset? knownAt, string? region, CancellationToken ct)
    {
        if (knownAt is not null) return (await FoldedAsync(session, area, from, to, knownAt, region, ct), null);

        var (keys, scope) = region is null
            ? ([GradeScope.England], GradeScope.England)
            : await StoredGradePictures.RegionScopesAsync(session, region, ct);
        var monthly = keys.Select(k => k + "#m").ToArray();
        var daily = keys.Select(k => k + "#d").ToArray();
        var lastMonth = new DateOnly(to.Year, to.Month, 1);
        var processed = await StoredGradePictures.ProcessedAsync(session, ct);
        var batch = session.CreateBatchQuery();
        var months = batch.Query<GradeDelta>().Where(d => d.Scope.IsOneOf(monthly) && d.Day <= to).ToList();
        var days = batch.Query<GradeDelta>().Where(d => d.Scope.IsOneOf(daily) && d.Day >= lastMonth && d.Day <= to).ToList();
        await batch.Execute(ct);

        var rows = (await months).Select(r => Row(r, true, area)).Concat((await days).Select(r => Row(r, false, area))).ToList();
        var series = GradeSeriesReads.Fold(scope, area, from, to, rows);
        // As before the move: no sequence when the scope has no rows yet (nothing to say how far they reflect).
        return (series, rows.Count > 0 ? processed : null);
    }

    private static GradeSeriesRow Row(GradeDelta row, bool monthly, string area) =>
        new(row.Day, monthly, row.Counts.GetValueOrDefault(area));

    private static async Task<GradeSeries> FoldedAsync(IQuerySession session, string area, DateOnly from, DateOnly to,
        DateTimeOffset? knownAt, string? region, CancellationToken ct)
    {
        var standings = await ReadModels.AllStandingsAsync(session, knownAt, ct);
        if (region is null) return GradeSeriesReads.Compute(GradeScope.England, area, from, to, knownAt, standings);
        var inRegion = standings.Where(s => Authorities.AuthorityRow.InRegion(s, region)).ToList();
        // A region unknown then but known now answers an empty series; one never known is a 404.
        if (inRegion.Count == 0) await StoredGradePictures.RegionScopesAsync(session, region, ct);
        var name = inRegion.Count > 0 ? inRegion[0].Region ?? region : region;
        return GradeSeriesReads.Compute(name, area, from, to, knownAt, inRegion);
    }
}
