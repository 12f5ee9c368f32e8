using JasperFx.Events;
using Marten;
using Tracker.Domain.Authorities;
using Tracker.Domain.Common;
using Tracker.Domain.Corrections;
using Tracker.Domain.Inspections;
using Tracker.Domain.Jtais;
using Tracker.Domain.Visits;
using Tracker.Projections.Integrations;

namespace Tracker.Host.Integrations;

/// <summary>
/// Turns committed events into CloudEvents. The result depends only on the stream up to each event, so the feed, the
/// stream, webhooks and the transport all produce byte-identical events, however late they map them.
/// </summary>
public sealed class CloudEventMapper(IntegrationOptions options)
{
    public const string GradeChangedSuffix = ".grade-changed";

    public async Task<IReadOnlyList<CloudEvent>> MapAsync(IQuerySession session, IReadOnlyList<IEvent> events, CancellationToken ct)
    {
        var relevant = events.Where(e => CloudEventTypes.ByEvent.ContainsKey(e.EventType) && e.StreamKey is not null).ToList();
        if (relevant.Count == 0) return [];
        var keys = relevant.Select(e => e.StreamKey!).Distinct().ToArray();
        var authorities = (await session.LoadManyAsync<Authority>(ct, keys)).ToDictionary(a => a.Id);
        // A withdrawal or reinstatement names its fact's kind, which only the fact's own document knows.
        var factKeys = relevant.Where(e => e.Data is FactWithdrawn or FactReinstated)
            .Select(e => KnownFact.Key(e.StreamKey!, ((IFact)e.Data).FactId)).Distinct().ToArray();
        var known = factKeys.Length == 0 ? new Dictionary<string, KnownFact>()
            : (await session.LoadManyAsync<KnownFact>(ct, factKeys)).ToDictionary(f => f.Id, StringComparer.Ordinal);
        var histories = new Dictionary<string, GradeHistory>();
        foreach (var group in relevant.Where(NeedsHistory).GroupBy(e => e.StreamKey!))
        {
            var stream = await session.Events.FetchStreamAsync(group.Key, group.Max(e => e.Version), token: ct);
            histories[group.Key] = new GradeHistory(stream);
        }

        var result = new List<CloudEvent>();
        foreach (var e in relevant)
        {
            // Never skip: a missing snapshot fails the whole page, so nothing after it is published either.
            if (!authorities.TryGetValue(e.StreamKey!, out var authority))
                throw new SnapshotMissingException(e.StreamKey!, e.Sequence);
            histories.TryGetValue(e.StreamKey!, out var history);
            result.AddRange(Map(e, authority, history, known));
        }
        return result;
    }

    private static bool NeedsHistory(IEvent e) => e.Data is InspectionRecorded or InspectionCorrected or InspectionEnriched;

    private IEnumerable<CloudEvent> Map(IEvent e, Authority authority, GradeHistory? history,
        IReadOnlyDictionary<string, KnownFact> known)
    {
        var fact = (IFact)e.Data;
        var data = new IntegrationData
        {
            Authority = new AuthorityRef(authority.Id, authority.GssCode, authority.Urn, authority.Slug, authority.Name, authority.Region, authority.RegionCode),
            FactId = fact.FactId,
            RecordedBy = fact.Recorded.By,
            RecordedAt = fact.Recorded.At,
        };
        GradeShift? shift = null;
        switch (e.Data)
        {
            case InspectionRecorded r:
                shift = history!.Before(e.Version, r.FactId, r.Details);
                data = WithInspection(data, r.Details) with { Previous = shift.Previous };
                break;
            case InspectionCorrected c:
                shift = history!.Before(e.Version, c.FactId, c.Corrected);
                data = WithInspection(data, c.Corrected) with { Previous = shift.Previous, Reason = c.Reason };
                break;
            case InspectionEnriched x:
                shift = history!.Before(e.Version, x.FactId, x.Enriched);
                data = WithInspection(data, x.Enriched) with { Previous = shift.Previous, Reason = $"filled from {x.SourceLabel}" };
                break;
            case MonitoringVisitRecorded m:
                data = WithDates(data, m.Details.Dates) with { Kind = FactKinds.MonitoringVisit, ReportReference = m.Details.ReportReference };
                break;
            case FocusedVisitRecorded f:
                data = WithDates(data, f.Details.Dates) with { Kind = FactKinds.FocusedVisit, ReportReference = f.Details.ReportReference, Topic = f.Details.Topic };
                break;
            case JtaiRecorded j:
                data = WithDates(data, j.Details.Dates) with { Kind = FactKinds.Jtai, ReportReference = j.Details.ReportReference, Theme = j.Details.Theme, Inspectorates = j.Details.Inspectorates };
                break;
            case MetricCorrected mc:
                data = data with { Kind = FactKinds.Metric, Value = mc.Corrected, Reason = mc.Reason };
                break;
            case FactWithdrawn w:
                data = data with { Kind = known.GetValueOrDefault(KnownFact.Key(authority.Id, w.FactId))?.State.Kind, Reason = w.Reason };
                break;
            case FactReinstated r:
                data = data with { Kind = known.GetValueOrDefault(KnownFact.Key(authority.Id, r.FactId))?.State.Kind, Reason = r.Reason };
                break;
        }

        var id = e.Id.ToString();
        yield return Envelope(id, CloudEventTypes.ByEvent[e.EventType], new FeedPosition(e.Sequence, 0), e, authority, data);
        if (shift is { Changes.Count: > 0 })
            yield return Envelope(id + GradeChangedSuffix, CloudEventTypes.GradeChanged, new FeedPosition(e.Sequence, FeedPosition.GradeChange),
                e, authority, data with { Changes = shift.Changes });
    }

    private CloudEvent Envelope(string id, string type, FeedPosition position, IEvent e, Authority authority, IntegrationData data) =>
        new("1.0", id, options.Source, type, authority.Id, e.Timestamp, "application/json", position, data);

    private static IntegrationData WithInspection(IntegrationData data, InspectionDetails d) =>
        WithDates(data, d.Dates) with
        {
            Framework = d.Framework.ToWire(),
            Kind = Wire(d.Kind),
            ReportReference = d.ReportReference,
            Grades = GradeHistory.Wire(d.Grades),
        };

    private static IntegrationData WithDates(IntegrationData data, ReportDates dates) => data with
    {
        StartDate = dates.StartDate,
        EndDate = dates.EndDate,
        PublishedOn = dates.PublishedOn,
        DatePrecision = dates.Precision == DatePrecision.Day ? "day" : "framework_era",
    };

    private static string Wire(InspectionKind kind) => kind switch
    {
        InspectionKind.Standard => "standard",
        InspectionKind.Short => "short",
        InspectionKind.ReInspection => "re_inspection",
        _ => "unknown",
    };
}
