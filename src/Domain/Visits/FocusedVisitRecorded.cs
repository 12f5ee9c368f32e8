using Tracker.Domain.Common;

namespace Tracker.Domain.Visits;

/// <summary>Ofsted published an ungraded focused-visit letter looking at one topic of the authority's services.</summary>
public sealed record FocusedVisitRecorded(string FactId, VisitDetails Details, Recorded Recorded) : IFact;
