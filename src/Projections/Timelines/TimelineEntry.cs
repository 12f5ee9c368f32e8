using Tracker.Domain.Authorities;
using Tracker.Domain.Common;
using Tracker.Domain.Corrections;
using Tracker.Domain.DataQuality;
using Tracker.Domain.Findings;
using Tracker.Domain.Inspections;
using Tracker.Domain.Jtais;
using Tracker.Domain.Metrics;
using Tracker.Domain.Visits;

namespace Tracker.Projections.Timelines;

/// <summary>
/// One fact on an authority's timeline, as it stands after corrections (id "authority/factId"). Withdrawn facts are
/// left out. Built by <see cref="Timeline.Fold"/> from the authority's stream; never stored.
/// </summary>
public sealed record TimelineEntry(
    string Id,
    string AuthorityId,
    string FactId,
    string Kind,
    DateOnly? Date,
    bool Undated,
    string? Era,
    string? Framework,
    InspectionKind? InspectionKind,
    Dictionary<string, Grade>? Grades,
    string? Topic,
    string? Metric,
    decimal? Value,
    decimal? Low,
    decimal? High,
    string? Unit,
    string? Period,
    DateOnly? PeriodFrom,
    DateOnly? PeriodTo,
    string? Quote,
    string ReportReference,
    bool Corrected,
    DateTimeOffset RecordedAt,
    IReadOnlyList<DataQualityNote>? Notes = null)
{
    public static string IdFor(string authorityId, string factId) => $"{authorityId}/{factId}";

    /// <summary>The entry a recording or a full correction produces; null for events that are not facts.</summary>
    public static TimelineEntry? From(string authorityId, object data) => data switch
    {
        InspectionRecorded e => Inspection(authorityId, e.FactId, e.Details, false, e.Recorded),
        InspectionCorrected e => Inspection(authorityId, e.FactId, e.Corrected, true, e.Recorded),
        InspectionEnriched e => Inspection(authorityId, e.FactId, e.Enriched, false, e.Recorded),
        MonitoringVisitRecorded e => Report(authorityId, e.FactId, FactKinds.MonitoringVisit, e.Details.Dates, e.Details.ReportReference, e.Details.Topic, e.Recorded),
        FocusedVisitRecorded e => Report(authorityId, e.FactId, FactKinds.FocusedVisit, e.Details.Dates, e.Details.ReportReference, e.Details.Topic, e.Recorded),
        JtaiRecorded e => Report(authorityId, e.FactId, FactKinds.Jtai, e.Details.Dates, e.Details.ReportReference, e.Details.Theme, e.Recorded),
        MetricObserved e => Observation(authorityId, e),
        FindingRecorded e => Blank(authorityId, e.FactId, FactKinds.Finding, null, e.Details.ReportReference, e.Recorded) with
            { Undated = true, Topic = e.Details.Service, Quote = e.Details.Quote },
        _ => null,
    };

    public TimelineEntry WithValue(MetricCorrected e) =>
        this with { Value = e.Corrected.Value, Low = e.Corrected.Low, High = e.Corrected.High, Unit = e.Corrected.Unit, Corrected = true, RecordedAt = e.Recorded.At };

    private static TimelineEntry Inspection(string authorityId, string factId, InspectionDetails d, bool corrected, Recorded recorded) =>
        Blank(authorityId, factId, FactKinds.Inspection, d.Dates, d.ReportReference, recorded) with
        {
            Era = d.Framework.ToWire(), Framework = d.Framework.ToWire(), InspectionKind = d.Kind,
            Grades = new Dictionary<string, Grade>(d.Grades, StringComparer.Ordinal), Corrected = corrected, Notes = d.Notes,
        };

    private static TimelineEntry Report(string authorityId, string factId, string kind, ReportDates dates, string reference, string? topic, Recorded recorded) =>
        Blank(authorityId, factId, kind, dates, reference, recorded) with
        {
            Topic = topic,
            Era = dates.PublishedOn is { } p ? Frameworks.InForceOn(p).ToWire() : null,
        };

    private static TimelineEntry Observation(string authorityId, MetricObserved e)
    {
        var (d, v) = (e.Details, e.Details.Value);
        // A metric is placed at the end of the period it covers; an unknown period leaves it undated.
        return Blank(authorityId, e.FactId, FactKinds.Metric, null, d.Source.ReportReference, e.Recorded) with
        {
            Date = d.Period.To, Undated = d.Period.To is null, Era = d.Period.To is { } to ? Frameworks.InForceOn(to).ToWire() : null,
            Metric = d.Metric, Value = v.Value, Low = v.Low, High = v.High, Unit = v.Unit,
            Period = d.Period.Label, PeriodFrom = d.Period.From, PeriodTo = d.Period.To, Quote = d.Source.Quote,
        };
    }

    private static TimelineEntry Blank(string authorityId, string factId, string kind, ReportDates? dates, string reference, Recorded recorded) =>
        new(IdFor(authorityId, factId), authorityId, factId, kind, dates?.PublishedOn, dates?.PublishedOn is null, null, null, null, null,
            null, null, null, null, null, null, null, null, null, null, reference, false, recorded.At);
}
