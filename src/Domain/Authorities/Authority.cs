using System.Text.Json.Serialization;
using Tracker.Domain.Common;
using Tracker.Domain.Corrections;
using Tracker.Domain.Findings;
using Tracker.Domain.Inspections;
using Tracker.Domain.Jtais;
using Tracker.Domain.Metrics;
using Tracker.Domain.Visits;

namespace Tracker.Domain.Authorities;

/// <summary>
/// What the authority's stream has recorded so far: its register entry and lineage, and the facts a decision needs.
/// </summary>
/// <remarks>
/// This is the write model deciders read. Its inline snapshot holds the register entry and version only; what is known
/// of each fact lives in its own <see cref="KnownFact"/> document, found by id, so recognising a duplicate costs the
/// same whatever the length of the stream.
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
    /// <summary>
    /// The facts the current decision needs, loaded from their <see cref="KnownFact"/> documents by the writer. Not
    /// stored with the snapshot: the snapshot is rewritten on every append and must not grow with the stream.
    /// </summary>
    [JsonIgnore]
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

    // Fact events fold into the working set of facts a decision needs (FactStates.Step, the same fold the KnownFacts
    // projection stores); a snapshot loaded from the store has none of them, and an event about a fact it has not
    // loaded leaves it as it is.
    public void Apply(InspectionRecorded e) => Know(e);
    public void Apply(MonitoringVisitRecorded e) => Know(e);
    public void Apply(FocusedVisitRecorded e) => Know(e);
    public void Apply(JtaiRecorded e) => Know(e);
    public void Apply(MetricObserved e) => Know(e);
    public void Apply(FindingRecorded e) => Know(e);
    public void Apply(InspectionCorrected e) => Know(e);
    public void Apply(InspectionEnriched e) => Know(e);
    public void Apply(MetricCorrected e) => Know(e);
    public void Apply(FactWithdrawn e) => Know(e);
    public void Apply(FactReinstated e) => Know(e);

    private void Know(IFact e)
    {
        if (FactStates.Step(Facts.GetValueOrDefault(e.FactId), e) is { } after) Facts[e.FactId] = after;
    }
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
