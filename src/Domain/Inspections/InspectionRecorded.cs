using Tracker.Domain.Common;

namespace Tracker.Domain.Inspections;

/// <summary>A full, graded inspection report on the authority's children's services was published.</summary>
public sealed record InspectionRecorded(string FactId, InspectionDetails Details, Recorded Recorded) : IFact;

/// <summary>The validated content of a graded inspection report.</summary>
public sealed record InspectionDetails(
    FrameworkVersion Framework,
    InspectionKind Kind,
    ReportDates Dates,
    string ReportReference,
    IReadOnlyDictionary<string, Grade> Grades)
{
    public string Fingerprint() => FactIds.Fingerprint(Framework, Kind, Dates.StartDate, Dates.EndDate, Dates.PublishedOn, Dates.Precision, ReportReference, Grades);
}
