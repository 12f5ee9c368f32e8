using Tracker.Domain.Common;

namespace Tracker.Domain.Inspections;

/// <summary>
/// A second source about a recorded inspection (a report file, or another source's row) filled what was unknown; the
/// event holds the whole resulting content, what it filled, and the source, so nothing changes silently. Known values
/// it contradicted are left as they were, with a conflict note in the content.
/// </summary>
public sealed record InspectionEnriched(string FactId, InspectionDetails Enriched, string SourceKey, string SourceLabel,
    IReadOnlyList<string> Filled, Recorded Recorded) : IFact;
