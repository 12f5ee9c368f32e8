using Tracker.Domain.Authorities;
using Tracker.Domain.Common;
using Tracker.Projections.DataQuality;

namespace Tracker.Projections.CurrentGrades;

/// <summary>A withdrawn report as it last stood, kept so a reinstatement can put it back (the standing holds no events).</summary>
/// <remarks>List names the standing's list it came from: inspection, monitoring_visit, focused_visit or jtai.</remarks>
public sealed record ParkedReport(string FactId, string List, InspectionItem? Inspection, ReportItem? Report) : IHasFactId;

/// <summary>Moves reports between a standing's lists and its withdrawn reports, on withdrawal and reinstatement.</summary>
public static class ParkedReports
{
    public static void Park(AuthorityStanding s, string factId)
    {
        var parked = Take(s.Inspections, factId) is { } i ? new ParkedReport(factId, FactKinds.Inspection, i, null)
            : Take(s.MonitoringVisits, factId) is { } m ? new ParkedReport(factId, FactKinds.MonitoringVisit, null, m)
            : Take(s.FocusedVisits, factId) is { } f ? new ParkedReport(factId, FactKinds.FocusedVisit, null, f)
            : Take(s.Jtais, factId) is { } j ? new ParkedReport(factId, FactKinds.Jtai, null, j)
            : null;
        s.Withdrawn.RemoveAll(p => p.FactId == factId);
        if (parked is not null) s.Withdrawn.Add(parked);
    }

    /// <summary>Puts the report back as it stood when withdrawn, and reopens its data-quality notes.</summary>
    public static void Restore(AuthorityStanding s, string factId, Recorded recorded)
    {
        var at = s.Withdrawn.FindIndex(p => p.FactId == factId);
        if (at < 0) return;
        var parked = s.Withdrawn[at];
        s.Withdrawn.RemoveAt(at);
        switch (parked)
        {
            case { Inspection: { } i }:
                s.Inspections.Add(i);
                DataQualityLedger.Revise(s.DataQuality, factId, i.Notes, recorded, null);
                break;
            case { Report: { } r, List: FactKinds.MonitoringVisit }: s.MonitoringVisits.Add(r); break;
            case { Report: { } r, List: FactKinds.FocusedVisit }: s.FocusedVisits.Add(r); break;
            case { Report: { } r, List: FactKinds.Jtai }: s.Jtais.Add(r); break;
        }
    }

    /// <summary>A report recorded again (with new content) is no longer withdrawn.</summary>
    public static void Forget(AuthorityStanding s, string factId) => s.Withdrawn.RemoveAll(p => p.FactId == factId);

    private static T? Take<T>(List<T> items, string factId) where T : class, IHasFactId
    {
        var at = items.FindIndex(i => i.FactId == factId);
        if (at < 0) return null;
        var item = items[at];
        items.RemoveAt(at);
        return item;
    }
}
