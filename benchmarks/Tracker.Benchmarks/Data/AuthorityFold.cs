using Tracker.Domain.Authorities;
using Tracker.Domain.Common;
using Tracker.Domain.Corrections;
using Tracker.Domain.Findings;
using Tracker.Domain.Inspections;
using Tracker.Domain.Jtais;
using Tracker.Domain.Metrics;
using Tracker.Domain.Visits;

namespace Tracker.Benchmarks.Data;

/// <summary>Folds events into the write model in memory, exactly as the inline snapshot does, so deciders see real state.</summary>
internal static class AuthorityFold
{
    public static Authority Apply(Authority? state, object e)
    {
        if (e is AuthorityRegistered registered) return Authority.Create(registered);
        var s = state ?? throw new InvalidOperationException("A stream must start with AuthorityRegistered");
        switch (e)
        {
            case InspectionRecorded x: s.Apply(x); break;
            case MonitoringVisitRecorded x: s.Apply(x); break;
            case FocusedVisitRecorded x: s.Apply(x); break;
            case JtaiRecorded x: s.Apply(x); break;
            case MetricObserved x: s.Apply(x); break;
            case FindingRecorded x: s.Apply(x); break;
            case InspectionCorrected x: s.Apply(x); break;
            case MetricCorrected x: s.Apply(x); break;
            case FactWithdrawn x: s.Apply(x); break;
            default: throw new InvalidOperationException($"No fold for {e.GetType().Name}");
        }
        s.Version++;
        return s;
    }
}
