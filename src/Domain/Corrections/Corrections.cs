using Tracker.Domain.Common;
using Tracker.Domain.Inspections;
using Tracker.Domain.Metrics;

namespace Tracker.Domain.Corrections;

/// <summary>An earlier recorded inspection was wrong; this is its full corrected content.</summary>
/// <remarks><see cref="SourceRevision"/>: the correction is the source's own newer version of the report.</remarks>
public sealed record InspectionCorrected(string FactId, string Reason, InspectionDetails Corrected, Recorded Recorded,
    bool SourceRevision = false) : IFact;

/// <summary>An earlier recorded metric observation carried the wrong value; this is the corrected value.</summary>
public sealed record MetricCorrected(string FactId, string Reason, MetricValue Corrected, string Fingerprint, Recorded Recorded) : IFact;

/// <summary>An earlier recorded fact should never have been recorded (wrong authority, not a real report) and no longer counts.</summary>
public sealed record FactWithdrawn(string FactId, string Reason, Recorded Recorded) : IFact;

/// <summary>A withdrawn fact was withdrawn wrongly (or its section was confirmed) and counts again, as it last stood.</summary>
public sealed record FactReinstated(string FactId, string Reason, Recorded Recorded) : IFact;
