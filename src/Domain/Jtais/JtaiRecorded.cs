using Tracker.Domain.Common;

namespace Tracker.Domain.Jtais;

/// <summary>A joint targeted area inspection (themed, ungraded) by several inspectorates was published.</summary>
public sealed record JtaiRecorded(string FactId, JtaiDetails Details, Recorded Recorded) : IFact;

public sealed record JtaiDetails(string Theme, IReadOnlyList<string> Inspectorates, ReportDates Dates, string ReportReference)
{
    public string Fingerprint() => FactIds.Fingerprint(Theme, Inspectorates, Dates.StartDate, Dates.EndDate, Dates.PublishedOn,
        Dates.Precision, ReportReferences.Canonical(ReportReference));
}
