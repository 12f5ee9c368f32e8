using Tracker.Domain.Corrections;
using Tracker.Domain.Findings;
using Tracker.Domain.Inspections;
using Tracker.Domain.Jtais;
using Tracker.Domain.Metrics;
using Tracker.Domain.Visits;

namespace Tracker.Domain.Authorities;

/// <summary>
/// Folds a fact event into a working copy of the write model, so that several commands for one authority can be decided
/// in a row (a batch, an import) before anything is appended. Kept apart from <see cref="Authority"/> on purpose: an
/// <c>Apply(object)</c> there would read to the projection source generator as a handler for every event type.
/// </summary>
public static class AuthorityEvolution
{
    public static void Apply(Authority state, object e)
    {
        switch (e)
        {
            case InspectionRecorded x: state.Apply(x); break;
            case MonitoringVisitRecorded x: state.Apply(x); break;
            case FocusedVisitRecorded x: state.Apply(x); break;
            case JtaiRecorded x: state.Apply(x); break;
            case MetricObserved x: state.Apply(x); break;
            case FindingRecorded x: state.Apply(x); break;
            case InspectionCorrected x: state.Apply(x); break;
            case InspectionEnriched x: state.Apply(x); break;
            case MetricCorrected x: state.Apply(x); break;
            case FactWithdrawn x: state.Apply(x); break;
            case FactReinstated x: state.Apply(x); break;
            default: throw new InvalidOperationException($"{e.GetType().Name} is not a fact event a command decides.");
        }
    }
}
