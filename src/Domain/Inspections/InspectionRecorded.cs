using Tracker.Domain.Common;
using Tracker.Domain.DataQuality;

namespace Tracker.Domain.Inspections;

/// <summary>A full, graded inspection report on the authority's children's services was published.</summary>
public sealed record InspectionRecorded(string FactId, InspectionDetails Details, Recorded Recorded) : IFact;

/// <summary>The validated content of a graded inspection report.</summary>
public sealed record InspectionDetails(
    FrameworkVersion Framework,
    InspectionKind Kind,
    ReportDates Dates,
    string ReportReference,
    IReadOnlyDictionary<string, Grade> Grades,
    IReadOnlyList<DataQualityNote>? Notes = null)
{
    /// <summary>Notes join the fingerprint only when there are any, so facts recorded before notes existed keep theirs.</summary>
    public string Fingerprint() => Notes is not { Count: > 0 } notes
        ? FactIds.Fingerprint(Framework, Kind, Dates.StartDate, Dates.EndDate, Dates.PublishedOn, Dates.Precision, ReportReference, Grades)
        : FactIds.Fingerprint(Framework, Kind, Dates.StartDate, Dates.EndDate, Dates.PublishedOn, Dates.Precision, ReportReference, Grades,
            notes.Select(n => n.Key).Order(StringComparer.Ordinal));
}
