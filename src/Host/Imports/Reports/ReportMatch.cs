using Tracker.Domain.Common;
using Tracker.Projections.CurrentGrades;

namespace Tracker.Host.Imports.Reports;

/// <summary>
/// One report, one fact: the inspection already recorded for the authority that a report file is about. The same
/// publication date decides; else the same fieldwork dates; else, for a printed date, the only inspection published
/// within <see cref="PrintedDateSlackDays"/> days of it (page 1 can print a day other than the one Ofsted's site
/// lists: Norfolk's 2015 report prints 19 October, the history says 20); else the only inspection without fieldwork
/// dates published within <see cref="PublicationWindowDays"/> days after the fieldwork ended.
/// </summary>
public static class ReportMatch
{
    public const int PublicationWindowDays = 120;
    public const int PrintedDateSlackDays = 7;

    public static InspectionItem? Find(AuthorityStanding? standing, DateOnly? published, DateOnly? start, DateOnly? end)
    {
        var inspections = standing?.Inspections.Where(i => i.PublishedOn is not null).ToList() ?? [];
        if (published is { } p && Single(inspections.Where(i => i.PublishedOn == p)) is { } onTheDay) return onTheDay;
        if (start is { } fs && end is { } fe && Single(inspections.Where(i => i.StartDate == fs && i.EndDate == fe)) is { } sameFieldwork)
            return sameFieldwork;
        if (published is { } near)
            return Single(inspections.Where(i => Math.Abs(i.PublishedOn!.Value.DayNumber - near.DayNumber) <= PrintedDateSlackDays));
        if (start is { } s && end is { } e)
        {
            return Single(inspections.Where(i => i.Precision != DatePrecision.Day
                && i.PublishedOn > e && i.PublishedOn <= e.AddDays(PublicationWindowDays)));
        }
        return null;
    }

    private static InspectionItem? Single(IEnumerable<InspectionItem> candidates)
    {
        var list = candidates.Take(2).ToList();
        return list.Count == 1 ? list[0] : null;
    }
}
