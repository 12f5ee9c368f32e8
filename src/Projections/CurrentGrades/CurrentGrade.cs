using Tracker.Domain.Common;

namespace Tracker.Projections.CurrentGrades;

/// <summary>Where an authority stands on a date: its latest graded inspection, the one before, and what is expected next.</summary>
public sealed record CurrentGrade(
    string AuthorityId,
    string Name,
    string? Region,
    DateOnly AsOf,
    DateTimeOffset? KnownAt,
    InspectionItem? Latest,
    InspectionItem? Previous,
    IReadOnlyList<AreaGrade> Areas,
    int? DaysSince,
    NextInspectionWindow? NextInspection,
    int MonitoringVisitsSince,
    ReportItem? LatestFocusedVisit,
    ReportItem? LatestJtai);

/// <summary>One judgement area of the latest inspection; Direction is null where the previous inspection had no such area.</summary>
public sealed record AreaGrade(string Area, Grade Grade, Grade? PreviousGrade, string? Direction);

/// <summary>The ILACS expectation: a full inspection about three years after the last one ends, give or take six months.</summary>
public sealed record NextInspectionWindow(DateOnly Earliest, DateOnly Expected, DateOnly Latest, InspectionKind Kind, bool Overdue, string Rule);

public static class Directions
{
    public const string Improved = "improved";
    public const string Declined = "declined";
    public const string Unchanged = "unchanged";
    public const string First = "first";
}

public static class CurrentGrades
{
    public const string NextInspectionRule =
        "ILACS: next full inspection expected 3 years after the last one ended (window ±6 months); a short inspection if the last overall grade was good or outstanding, standard otherwise.";

    /// <summary>Graded inspections published on or before the date, latest first (<see cref="LatestInspection"/>).</summary>
    public static IEnumerable<InspectionItem> GradedOnOrBefore(this AuthorityStanding s, DateOnly asOf) =>
        LatestInspection.NewestFirst(s.Inspections, asOf);

    public static CurrentGrade At(AuthorityStanding s, DateOnly asOf, DateTimeOffset? knownAt)
    {
        var graded = s.GradedOnOrBefore(asOf).Take(2).ToList();
        var latest = graded.ElementAtOrDefault(0);
        var previous = graded.ElementAtOrDefault(1);
        var areas = latest is null ? [] : JudgementAreas.For(latest.Framework).Where(latest.Grades.ContainsKey)
            .Select(a => Compare(a, latest, previous)).ToList();
        var since = latest?.EndDate ?? latest?.PublishedOn;

        return new CurrentGrade(s.Id, s.Name, s.Region, asOf, knownAt, latest, previous, areas,
            since is { } d ? asOf.DayNumber - d.DayNumber : null,
            latest is null ? null : NextWindow(latest, asOf),
            latest is null ? 0 : s.MonitoringVisits.Count(v => v.PublishedOn > latest.PublishedOn && v.PublishedOn <= asOf),
            LatestOnOrBefore(s.FocusedVisits, asOf),
            LatestOnOrBefore(s.Jtais, asOf));
    }

    public static AreaGrade Compare(string area, InspectionItem latest, InspectionItem? previous)
    {
        var grade = latest.Grades[area];
        if (previous is null) return new AreaGrade(area, grade, null, grade.IsGraded() ? Directions.First : null);
        if (!previous.Grades.TryGetValue(area, out var before)) return new AreaGrade(area, grade, null, null);
        if (!grade.IsGraded() || !before.IsGraded()) return new AreaGrade(area, grade, before, null);
        var direction = grade.Rank().CompareTo(before.Rank()) switch
        {
            > 0 => Directions.Improved,
            < 0 => Directions.Declined,
            _ => Directions.Unchanged,
        };
        return new AreaGrade(area, grade, before, direction);
    }

    /// <summary>Only ILACS sets a cycle; a SIF-era or earlier latest inspection gives no window.</summary>
    public static NextInspectionWindow? NextWindow(InspectionItem latest, DateOnly asOf)
    {
        if (latest.Framework < FrameworkVersion.Ilacs2018 || (latest.EndDate ?? latest.PublishedOn) is not { } from) return null;
        var expected = from.AddYears(3);
        var overall = latest.Grades.GetValueOrDefault(JudgementAreas.Overall, Grade.Unknown);
        var kind = overall is Grade.Good or Grade.Outstanding ? InspectionKind.Short : InspectionKind.Standard;
        var latestDate = expected.AddMonths(6);
        return new NextInspectionWindow(expected.AddMonths(-6), expected, latestDate, kind, asOf > latestDate, NextInspectionRule);
    }

    private static ReportItem? LatestOnOrBefore(IEnumerable<ReportItem> items, DateOnly asOf) =>
        items.Where(i => i.PublishedOn is { } p && p <= asOf).MaxBy(i => i.PublishedOn);
}
