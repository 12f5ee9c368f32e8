using JasperFx.Events;
using Marten.Events.Aggregation;
using Tracker.Domain.Authorities;
using Tracker.Domain.Common;
using Tracker.Domain.Corrections;
using Tracker.Domain.Inspections;
using Tracker.Domain.Jtais;
using Tracker.Domain.Visits;
using Tracker.Domain.DataQuality;
using Tracker.Projections.DataQuality;

namespace Tracker.Projections.CurrentGrades;

/// <summary>
/// The reports that decide an authority's standing: its graded inspections, visits and JTAIs, with corrections and
/// withdrawals applied, plus the register fields lists and pictures filter on. Metrics and findings are left out on
/// purpose: they are many and live in the timeline, so this inline document stays a few kilobytes however long the stream.
/// </summary>
public sealed class AuthorityStanding
{
    public string Id { get; set; } = "";
    public string Name { get; set; } = "";
    public string Slug { get; set; } = "";
    public string? Urn { get; set; }
    public string? GssCode { get; set; }
    public string? AuthorityType { get; set; }
    public string? Region { get; set; }
    public string? RegionCode { get; set; }
    public List<LineageLink> Predecessors { get; set; } = [];
    public List<LineageLink> Successors { get; set; } = [];
    public DateOnly? FormedOn { get; set; }
    public DateOnly? AbolishedOn { get; set; }
    public List<string> StatisticalNeighbours { get; set; } = [];
    public List<InspectionItem> Inspections { get; set; } = [];
    public List<ReportItem> MonitoringVisits { get; set; } = [];
    public List<ReportItem> FocusedVisits { get; set; } = [];
    public List<ReportItem> Jtais { get; set; } = [];
    /// <summary>Withdrawn reports as they last stood, so a reinstatement can bring them back.</summary>
    public List<ParkedReport> Withdrawn { get; set; } = [];
    /// <summary>Every data-quality note on the authority's facts, open or settled; few, so kept here, not per fact.</summary>
    public List<DataQualityEntry> DataQuality { get; set; } = [];
    /// <summary>Stored so the data-quality query can skip authorities without notes in the database.</summary>
    public int DataQualityCount { get; set; }

    public bool IsCurrent => AbolishedOn is null;

    /// <summary>The same rule as the write model's Authority.ExistedOn.</summary>
    public bool ExistedOn(DateOnly date) => Existed(FormedOn, AbolishedOn, date);

    /// <summary>The existence rule on the two dates alone, for reads that select only those fields.</summary>
    public static bool Existed(DateOnly? formedOn, DateOnly? abolishedOn, DateOnly date) =>
        (formedOn is null || formedOn <= date) && (abolishedOn is null || abolishedOn > date);

    /// <summary>The pure fold shared by the inline projection, rebuilds and live as-known-at reads.</summary>
    public static AuthorityStanding Step(AuthorityStanding? state, string id, object data)
    {
        var s = state ?? new AuthorityStanding { Id = id };
        switch (data)
        {
            case AuthorityRegistered e:
                (s.Name, s.Slug, s.Region, s.RegionCode) = (e.Name, e.Slug, e.Region, e.RegionCode);
                (s.Urn, s.GssCode, s.AuthorityType) = (e.Urn, e.GssCode, e.AuthorityType);
                s.StatisticalNeighbours = [.. e.StatisticalNeighbours];
                break;
            case AuthorityFormedFrom e:
                s.Predecessors = [.. s.Predecessors.Where(p => e.Predecessors.All(n => n.AuthorityId != p.AuthorityId)), .. e.Predecessors];
                s.FormedOn = e.EffectiveOn;
                break;
            case AuthorityAbolished e:
                s.Successors = [.. s.Successors.Where(p => e.Successors.All(n => n.AuthorityId != p.AuthorityId)), .. e.Successors];
                s.AbolishedOn = e.EffectiveOn;
                break;
            case InspectionRecorded e:
                ParkedReports.Forget(s, e.FactId);
                Upsert(s.Inspections, InspectionItem.From(e.FactId, e.Details));
                DataQualityLedger.Revise(s.DataQuality, e.FactId, e.Details.Notes, e.Recorded, null);
                break;
            case InspectionCorrected e:
                Upsert(s.Inspections, InspectionItem.From(e.FactId, e.Corrected));
                DataQualityLedger.Revise(s.DataQuality, e.FactId, e.Corrected.Notes, e.Recorded, e.Reason);
                break;
            case InspectionEnriched e:
                Upsert(s.Inspections, InspectionItem.From(e.FactId, e.Enriched));
                DataQualityLedger.Revise(s.DataQuality, e.FactId, e.Enriched.Notes, e.Recorded, $"filled from {e.SourceLabel}");
                break;
            case MonitoringVisitRecorded e: ParkedReports.Forget(s, e.FactId); Upsert(s.MonitoringVisits, ReportItem.From(e.FactId, e.Details.Dates, e.Details.ReportReference, e.Details.Topic)); break;
            case FocusedVisitRecorded e: ParkedReports.Forget(s, e.FactId); Upsert(s.FocusedVisits, ReportItem.From(e.FactId, e.Details.Dates, e.Details.ReportReference, e.Details.Topic)); break;
            case JtaiRecorded e: ParkedReports.Forget(s, e.FactId); Upsert(s.Jtais, ReportItem.From(e.FactId, e.Details.Dates, e.Details.ReportReference, e.Details.Theme)); break;
            case FactWithdrawn e:
                ParkedReports.Park(s, e.FactId);
                DataQualityLedger.Withdraw(s.DataQuality, e.FactId, e.Recorded, e.Reason);
                break;
            case FactReinstated e: ParkedReports.Restore(s, e.FactId, e.Recorded); break;
        }
        s.DataQualityCount = s.DataQuality.Count;
        return s;
    }

    public static AuthorityStanding? Fold(string id, IEnumerable<object> events) =>
        events.Aggregate((AuthorityStanding?)null, (s, e) => s is null && e is not AuthorityRegistered ? null : Step(s, id, e));

    private static void Upsert<T>(List<T> items, T item) where T : IHasFactId
    {
        var at = items.FindIndex(i => i.FactId == item.FactId);
        if (at >= 0) items[at] = item;
        else items.Add(item);
    }
}

public interface IHasFactId
{
    string FactId { get; }
}

public sealed record InspectionItem(string FactId, FrameworkVersion Framework, InspectionKind Kind, DateOnly? StartDate, DateOnly? EndDate,
    DateOnly? PublishedOn, DatePrecision Precision, string ReportReference, Dictionary<string, Grade> Grades,
    List<DataQualityNote>? Notes = null, Grade? Lscb = null) : IHasFactId
{
    public bool IsGraded => Grades.Values.Any(g => g.IsGraded());

    public static InspectionItem From(string factId, InspectionDetails d) => new(factId, d.Framework, d.Kind, d.Dates.StartDate,
        d.Dates.EndDate, d.Dates.PublishedOn, d.Dates.Precision, d.ReportReference,
        new Dictionary<string, Grade>(d.Grades, StringComparer.Ordinal), d.Notes is { Count: > 0 } n ? [.. n] : null, d.Lscb);

    /// <summary>The content this item was folded from, for a decider that must see it (enrichment, source revisions).</summary>
    public InspectionDetails ToDetails() => new(Framework, Kind, new ReportDates(StartDate, EndDate, PublishedOn, Precision),
        ReportReference, new Dictionary<string, Grade>(Grades, StringComparer.Ordinal), Notes is { Count: > 0 } n ? n : null, Lscb);
}

/// <summary>An ungraded report (monitoring or focused visit, JTAI); Topic is the visit topic or the JTAI theme.</summary>
public sealed record ReportItem(string FactId, DateOnly? StartDate, DateOnly? EndDate, DateOnly? PublishedOn, DatePrecision Precision,
    string ReportReference, string? Topic) : IHasFactId
{
    public static ReportItem From(string factId, ReportDates dates, string reference, string? topic) =>
        new(factId, dates.StartDate, dates.EndDate, dates.PublishedOn, dates.Precision, reference, topic);
}

/// <summary>Inline: a command's caller can read the standing its write produced in the same request.</summary>
public sealed partial class AuthorityStandingProjection : SingleStreamProjection<AuthorityStanding, string>
{
    public AuthorityStandingProjection()
    {
        Name = "AuthorityStanding";
        // Metrics and findings are most of the events and never change a standing: leaving them out of the allow-list
        // spares every such command a load and a rewrite of this document, and rebuilds skip them.
        foreach (var type in AuthorityEvents.Types(e => e.Standing)) IncludeType(type);
    }

    public override AuthorityStanding? Evolve(AuthorityStanding? snapshot, string id, IEvent e) =>
        snapshot is null && e.Data is not AuthorityRegistered ? null : AuthorityStanding.Step(snapshot, id, e.Data);
}
