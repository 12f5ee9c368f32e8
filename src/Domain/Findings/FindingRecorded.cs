using Tracker.Domain.Common;

namespace Tracker.Domain.Findings;

/// <summary>A report made a finding about one of the authority's services, quoted as written.</summary>
public sealed record FindingRecorded(string FactId, FindingDetails Details, Recorded Recorded) : IFact;

public sealed record FindingDetails(string Service, string Quote, string ReportReference, DatePrecision Precision)
{
    public string Fingerprint() => FactIds.Fingerprint(Service, Quote, ReportReferences.Canonical(ReportReference), Precision);
}
