using Tracker.Domain.Authorities;
using Tracker.Domain.Common;

namespace Tracker.Domain.Visits;

/// <summary>Record an ungraded focused visit on a named topic.</summary>
public sealed record RecordFocusedVisit(string Authority, VisitInput Visit, string RecordedBy, long? ExpectedVersion = null) : IAuthorityCommand
{
    public string FactId => FactIds.ForReport(Visit.ReportReference ?? "");

    public IReadOnlyList<object> Decide(Authority state, Recorded recorded)
    {
        var errors = new Errors();
        var details = Visit.Validate(recorded.Today, errors, topicRequired: true);
        errors.ThrowIfAny();
        FactLedger.EnsureExisted(state, details.Dates.EndDate, "endDate");

        var factId = FactIds.ForReport(details.ReportReference);
        return FactLedger.Decide(state, factId, FactKinds.FocusedVisit, details.Fingerprint(), $"Report {details.ReportReference}",
            () => new FocusedVisitRecorded(factId, details, recorded));
    }
}
