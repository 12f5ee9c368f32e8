using Tracker.Domain.Common;

namespace Tracker.Projections.CurrentGrades;

/// <summary>
/// The one rule for an authority's latest inspection, used by the current grade, the lists, the pictures and the
/// integration feed's grade changes (until 2026-12 the feed had its own rule that disagreed on ties, undated and
/// ungraded reports). The latest is the graded inspection (an area on the four-point scale) published last on or before
/// the date; same-day ties go to the later end of fieldwork, then to the smaller fact id, so the answer never depends
/// on the order reports were recorded in. Undated (framework-era) reports cannot be placed in time and are never the
/// latest.
/// </summary>
public static class LatestInspection
{
    /// <summary>Every inspection that can be the latest on <paramref name="asOf"/>, latest first.</summary>
    public static IEnumerable<InspectionItem> NewestFirst(IEnumerable<InspectionItem> inspections, DateOnly asOf) =>
        inspections.Where(i => i.IsGraded && i.PublishedOn is { } p && p <= asOf)
            .OrderByDescending(i => i.PublishedOn).ThenByDescending(i => i.EndDate)
            .ThenBy(i => i.FactId, StringComparer.Ordinal);

    /// <summary>
    /// The latest on <paramref name="asOf"/>, or null. With <paramref name="nationalOnly"/> only SIF and ILACS
    /// inspections count, as in Ofsted's "as at" statistics (the pictures and a list row's grade).
    /// </summary>
    public static InspectionItem? Of(IEnumerable<InspectionItem> inspections, DateOnly asOf, bool nationalOnly = false) =>
        NewestFirst(inspections, asOf).FirstOrDefault(i => !nationalOnly || i.Framework.CountsNationally());
}
