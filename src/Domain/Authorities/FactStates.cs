using Tracker.Domain.Common;
using Tracker.Domain.Corrections;
using Tracker.Domain.Findings;
using Tracker.Domain.Inspections;
using Tracker.Domain.Jtais;
using Tracker.Domain.Metrics;
using Tracker.Domain.Visits;

namespace Tracker.Domain.Authorities;

/// <summary>
/// The one fold of what the write model knows of a fact: used by a decider's working copy (<see cref="Authority"/>)
/// and by the projection that stores it (<see cref="KnownFact"/>), so both always agree.
/// </summary>
public static class FactStates
{
    /// <returns>The fact's state after <paramref name="e"/>; null when the event changes a fact not known here.</returns>
    public static FactState? Step(FactState? before, IFact e) => e switch
    {
        InspectionRecorded r => new FactState(FactKinds.Inspection, r.Details.Fingerprint(), false, Origin: r.Recorded.By),
        MonitoringVisitRecorded r => new FactState(FactKinds.MonitoringVisit, r.Details.Fingerprint(), false),
        FocusedVisitRecorded r => new FactState(FactKinds.FocusedVisit, r.Details.Fingerprint(), false),
        JtaiRecorded r => new FactState(FactKinds.Jtai, r.Details.Fingerprint(), false),
        MetricObserved r => new FactState(FactKinds.Metric, r.Details.Fingerprint(), false),
        FindingRecorded r => new FactState(FactKinds.Finding, r.Details.Fingerprint(), false),
        // A user's correction keeps what the source said last, so a re-import of that source does not undo it.
        InspectionCorrected c => new FactState(FactKinds.Inspection, c.Corrected.Fingerprint(), false,
            c.SourceRevision ? null : before?.SourceFingerprint ?? before?.Fingerprint, before?.Sources, before?.Origin),
        // The content changes, the recording source's version is kept, and the enriching source is remembered.
        InspectionEnriched x when before is not null => before with
        {
            Fingerprint = x.Enriched.Fingerprint(), SourceFingerprint = before.SourceFingerprint ?? before.Fingerprint,
            Sources = [.. before.Sources ?? [], x.SourceKey],
        },
        MetricCorrected m when before is not null => before with { Fingerprint = m.Fingerprint },
        FactWithdrawn when before is not null => before with { Withdrawn = true },
        FactReinstated when before is not null => before with { Withdrawn = false },
        _ => null,
    };
}

/// <summary>What the write model knows of one fact of one authority, stored by the KnownFacts projection.</summary>
public sealed class KnownFact
{
    public string Id { get; set; } = "";
    public string AuthorityId { get; set; } = "";
    public string FactId { get; set; } = "";
    public FactState State { get; set; } = new("", "", false);

    /// <summary>Fact ids are unique within an authority only: one report's section can be recorded on two of them.</summary>
    public static string Key(string authorityId, string factId) => $"{authorityId}/{factId}";
}
