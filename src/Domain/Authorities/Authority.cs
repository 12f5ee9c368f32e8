using Tracker.Domain.Common;
using Tracker.Domain.Corrections;
using Tracker.Domain.Findings;
using Tracker.Domain.Inspections;
using Tracker.Domain.Jtais;
using Tracker.Domain.Metrics;
using Tracker.Domain.Visits;

namespace Tracker.Domain.Authorities;

/// <summary>What the authority's stream has recorded so far: its register entry, lineage and one fingerprint per fact.</summary>
/// <remarks>
/// This is the write model deciders read. It keeps a fingerprint per fact, not the fact, so the inline snapshot stays
/// small (tens of bytes per fact) while still letting a duplicate submission be recognised without reading the stream.
/// </remarks>
public sealed class Authority
{
    public string Id { get; set; } = "";
    public long Version { get; set; }
    public string Name { get; set; } = "";
    public string Slug { get; set; } = "";
    public string? Urn { get; set; }
    public string? GssCode { get; set; }
    public string? Region { get; set; }
    public string? RegionCode { get; set; }
    public string? AuthorityType { get; set; }
    public List<string> StatisticalNeighbours { get; set; } = [];
    public List<string> AlsoKnownAs { get; set; } = [];
    public List<LineageLink> Predecessors { get; set; } = [];
    public List<LineageLink> Successors { get; set; } = [];
    public DateOnly? FormedOn { get; set; }
    public DateOnly? AbolishedOn { get; set; }
    public bool IsCurrent { get; set; } = true;
    public Dictionary<string, FactState> Facts { get; set; } = new(StringComparer.Ordinal);

    public bool ExistedOn(DateOnly date) => (FormedOn is null || FormedOn <= date) && (AbolishedOn is null || AbolishedOn > date);

    public static Authority Create(AuthorityRegistered e) => new()
    {
        Id = e.AuthorityId,
        Name = e.Name,
        Slug = e.Slug,
        Urn = e.Urn,
        GssCode = e.GssCode,
        Region = e.Region,
        RegionCode = e.RegionCode,
        AuthorityType = e.AuthorityType,
        StatisticalNeighbours = [.. e.StatisticalNeighbours],
        AlsoKnownAs = [.. e.AlsoKnownAs],
    };

    public void Apply(AuthorityFormedFrom e)
    {
        Predecessors = [.. Predecessors.Where(p => e.Predecessors.All(n => n.AuthorityId != p.AuthorityId)), .. e.Predecessors];
        FormedOn = e.EffectiveOn;
    }

    public void Apply(AuthorityAbolished e)
    {
        Successors = [.. Successors.Where(s => e.Successors.All(n => n.AuthorityId != s.AuthorityId)), .. e.Successors];
        AbolishedOn = e.EffectiveOn;
        IsCurrent = false;
    }

    public void Apply(InspectionRecorded e) =>
        Facts[e.FactId] = new FactState(FactKinds.Inspection, e.Details.Fingerprint(), false, Origin: e.Recorded.By);
    public void Apply(MonitoringVisitRecorded e) => Facts[e.FactId] = new FactState(FactKinds.MonitoringVisit, e.Details.Fingerprint(), false);
    public void Apply(FocusedVisitRecorded e) => Facts[e.FactId] = new FactState(FactKinds.FocusedVisit, e.Details.Fingerprint(), false);
    public void Apply(JtaiRecorded e) => Facts[e.FactId] = new FactState(FactKinds.Jtai, e.Details.Fingerprint(), false);
    public void Apply(MetricObserved e) => Facts[e.FactId] = new FactState(FactKinds.Metric, e.Details.Fingerprint(), false);
    public void Apply(FindingRecorded e) => Facts[e.FactId] = new FactState(FactKinds.Finding, e.Details.Fingerprint(), false);
    /// <summary>A user's correction keeps what the source said last, so a re-import of that source does not undo it.</summary>
    public void Apply(InspectionCorrected e)
    {
        var before = Facts.GetValueOrDefault(e.FactId);
        var source = e.SourceRevision ? null : before?.SourceFingerprint ?? before?.Fingerprint;
        Facts[e.FactId] = new FactState(FactKinds.Inspection, e.Corrected.Fingerprint(), false, source, before?.Sources, before?.Origin);
    }
    /// <summary>The fact's content changes, the recording source's version is kept, and the enriching source is remembered.</summary>
    public void Apply(InspectionEnriched e)
    {
        var before = Facts[e.FactId];
        Facts[e.FactId] = before with
        {
            Fingerprint = e.Enriched.Fingerprint(), SourceFingerprint = before.SourceFingerprint ?? before.Fingerprint,
            Sources = [.. before.Sources ?? [], e.SourceKey],
        };
    }
    public void Apply(MetricCorrected e) => Facts[e.FactId] = Facts[e.FactId] with { Fingerprint = e.Fingerprint };
    public void Apply(FactWithdrawn e) => Facts[e.FactId] = Facts[e.FactId] with { Withdrawn = true };
    public void Apply(FactReinstated e) => Facts[e.FactId] = Facts[e.FactId] with { Withdrawn = false };
}

/// <summary>What the write model remembers of one fact: enough to spot duplicates and conflicting versions.</summary>
/// <remarks><see cref="SourceFingerprint"/> is set only once a user's correction makes the fact differ from its source.</remarks>
/// <remarks><see cref="Sources"/>: the keys of the other sources that enriched the fact (e.g. a report file's sha256);
/// <see cref="Origin"/>: who recorded it first (null for facts recorded before it was kept).</remarks>
public sealed record FactState(string Kind, string Fingerprint, bool Withdrawn, string? SourceFingerprint = null,
    IReadOnlyList<string>? Sources = null, string? Origin = null);

public static class FactKinds
{
    public const string Inspection = "inspection";
    public const string MonitoringVisit = "monitoring_visit";
    public const string FocusedVisit = "focused_visit";
    public const string Jtai = "jtai";
    public const string Metric = "metric";
    public const string Finding = "finding";
}
