using Marten;
using Tracker.Host.Common;
using Tracker.Projections.Common;
using Tracker.Projections.Timelines;

namespace Tracker.Host.Timelines;

/// <summary>Query message: every fact about one authority in date order, as at a date and as known at a moment.</summary>
public sealed record GetTimeline(string Authority, DateOnly AsOf, DateTimeOffset? KnownAt = null);

public sealed record AuthorityTimeline(string AuthorityId, DateOnly AsOf, DateTimeOffset? KnownAt, IReadOnlyList<TimelineEntry> Entries);

public static class GetTimelineHandler
{
    public static readonly string[] CsvHeader =
        ["authority_id", "fact_id", "kind", "date", "undated", "era", "framework", "inspection_kind", "grades", "topic", "metric", "value", "low", "high", "unit", "period", "quote", "report_reference", "corrected", "recorded_at", "data_quality"];

    public static async Task<AuthorityTimeline> Handle(GetTimeline query, IQuerySession session, CancellationToken ct)
    {
        var id = await ReadModels.ResolveAsync(session, query.Authority, ct);
        var entries = await ReadModels.TimelineAsync(session, id, query.KnownAt, ct);
        return new AuthorityTimeline(id, query.AsOf, query.KnownAt, Timeline.Ordered(entries, query.AsOf));
    }

    public static IReadOnlyList<object?> CsvCells(TimelineEntry e) =>
    [
        e.AuthorityId, e.FactId, e.Kind, e.Date, e.Undated, e.Era, e.Framework, e.InspectionKind?.ToString(),
        e.Grades is null ? null : string.Join("; ", e.Grades.Select(g => $"{g.Key}={Tracker.Domain.Common.GradeScale.ToWire(g.Value)}")),
        e.Topic, e.Metric, e.Value, e.Low, e.High, e.Unit, e.Period, e.Quote, e.ReportReference, e.Corrected, e.RecordedAt,
        e.Notes is null ? null : string.Join("; ", e.Notes.Select(n => $"{n.Column}: {n.Reason} ('{n.RawValue}')")),
    ];
}
