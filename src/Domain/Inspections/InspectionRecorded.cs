using Tracker.Domain.Common;
using Tracker.Domain.DataQuality;

namespace Tracker.Domain.Inspections;

/// <summary>A full, graded inspection report on the authority's children's services was published.</summary>
public sealed record InspectionRecorded(string FactId, InspectionDetails Details, Recorded Recorded) : IFact;

/// <summary>
/// The validated content of a graded inspection report. <see cref="Lscb"/>: a SIF report's review of the effectiveness
/// of the Local Safeguarding Children Board, a judgement of its own, not one of the authority's areas.
/// </summary>
public sealed record InspectionDetails(
    FrameworkVersion Framework,
    InspectionKind Kind,
    ReportDates Dates,
    string ReportReference,
    IReadOnlyDictionary<string, Grade> Grades,
    IReadOnlyList<DataQualityNote>? Notes = null,
    Grade? Lscb = null)
{
    /// <summary>
    /// Notes and the LSCB judgement join the fingerprint only when present, so facts recorded before they existed keep
    /// their fingerprints.
    /// </summary>
    public string Fingerprint()
    {
        var core = FactIds.Fingerprint(Framework, Kind, Dates.StartDate, Dates.EndDate, Dates.PublishedOn, Dates.Precision,
            ReportReferences.Canonical(ReportReference), Grades);
        if (Notes is { Count: > 0 } notes) core = FactIds.Fingerprint(core, notes.Select(n => n.Key).Order(StringComparer.Ordinal));
        return Lscb is { } lscb ? FactIds.Fingerprint(core, "lscb", lscb) : core;
    }
}
