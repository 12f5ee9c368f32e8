using Tracker.Domain.Corrections;
using Tracker.Domain.Inspections;
using Tracker.Domain.Jtais;
using Tracker.Domain.Visits;

namespace Tracker.Host.Integrations;

/// <summary>The integration event types Tracker publishes, and the stored events each derives from.</summary>
public static class CloudEventTypes
{
    public const string InspectionRecorded = "tracker.inspection.recorded";
    public const string MonitoringVisitRecorded = "tracker.monitoring-visit.recorded";
    public const string FocusedVisitRecorded = "tracker.focused-visit.recorded";
    public const string JtaiRecorded = "tracker.jtai.recorded";
    public const string InspectionCorrected = "tracker.inspection.corrected";
    public const string InspectionEnriched = "tracker.inspection.enriched";
    public const string MetricCorrected = "tracker.metric.corrected";
    public const string FactWithdrawn = "tracker.fact.withdrawn";
    public const string FactReinstated = "tracker.fact.reinstated";
    public const string GradeChanged = "tracker.grade.changed";

    public static readonly IReadOnlyDictionary<Type, string> ByEvent = new Dictionary<Type, string>
    {
        [typeof(InspectionRecorded)] = InspectionRecorded,
        [typeof(MonitoringVisitRecorded)] = MonitoringVisitRecorded,
        [typeof(FocusedVisitRecorded)] = FocusedVisitRecorded,
        [typeof(JtaiRecorded)] = JtaiRecorded,
        [typeof(InspectionCorrected)] = InspectionCorrected,
        [typeof(InspectionEnriched)] = InspectionEnriched,
        [typeof(MetricCorrected)] = MetricCorrected,
        [typeof(FactWithdrawn)] = FactWithdrawn,
        [typeof(FactReinstated)] = FactReinstated,
    };

    public static IReadOnlyList<string> All { get; } = [.. ByEvent.Values, GradeChanged];

    /// <summary>The stored events that can move an authority's grades.</summary>
    private static readonly Type[] GradeSources =
        [typeof(Domain.Inspections.InspectionRecorded), typeof(Domain.Corrections.InspectionCorrected), typeof(Domain.Inspections.InspectionEnriched)];

    /// <summary>The stored event types that can produce any of <paramref name="types"/> (grade changes come from inspections and corrections).</summary>
    public static Type[] SourcesOf(IReadOnlyCollection<string> types) =>
        ByEvent.Where(p => types.Contains(p.Value)
                || (types.Contains(GradeChanged) && GradeSources.Contains(p.Key)))
            .Select(p => p.Key).ToArray();
}
