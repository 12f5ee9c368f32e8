using Tracker.Domain.Authorities;
using Tracker.Domain.Corrections;
using Tracker.Domain.Findings;
using Tracker.Domain.Inspections;
using Tracker.Domain.Jtais;
using Tracker.Domain.Metrics;
using Tracker.Domain.Visits;

namespace Tracker.Projections;

/// <summary>Every event type an authority stream can hold; registered up front so reads never meet an unknown type.</summary>
public static class EventCatalogue
{
    public static readonly Type[] All =
    [
        typeof(AuthorityRegistered), typeof(AuthorityFormedFrom), typeof(AuthorityAbolished),
        typeof(InspectionRecorded), typeof(MonitoringVisitRecorded), typeof(FocusedVisitRecorded), typeof(JtaiRecorded),
        typeof(MetricObserved), typeof(FindingRecorded),
        typeof(InspectionCorrected), typeof(InspectionEnriched), typeof(MetricCorrected), typeof(FactWithdrawn),
        typeof(FactReinstated),
    ];
}
