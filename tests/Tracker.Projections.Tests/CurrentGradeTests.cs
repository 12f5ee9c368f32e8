using Tracker.Domain.Authorities;
using Tracker.Domain.Common;
using Tracker.Domain.Corrections;
using Tracker.Projections.CurrentGrades;
using static Tracker.Domain.Common.Grade;
using static Tracker.Domain.Common.JudgementAreas;
using static Tracker.Projections.Tests.Events;

namespace Tracker.Projections.Tests;

public sealed class CurrentGradeTests
{
    private static readonly object[] ThreeFrameworks =
    [
        Registered("380", "Bradford"),
        Inspection(FrameworkVersion.Sif2013, "2016-01-15", "sif",
            (Overall, Inadequate), (HelpAndProtection, Inadequate), (ChildrenLookedAfter, RequiresImprovement), (Adoption, Good), (CareLeavers, RequiresImprovement), (Leadership, Inadequate)),
        Inspection(FrameworkVersion.Ilacs2018, "2019-03-01", "ilacs18",
            (Overall, RequiresImprovement), (ImpactOfLeaders, RequiresImprovement), (HelpAndProtection, RequiresImprovement), (ChildrenInCareAndCareLeavers, Good)),
        Inspection(FrameworkVersion.Ilacs2023, "2024-02-01", "ilacs23",
            (Overall, Good), (ImpactOfLeaders, Good), (HelpAndProtection, RequiresImprovement), (ChildrenInCare, Good), (CareLeavers, Outstanding)),
    ];

    private static CurrentGrade At(object[] events, string asOf) =>
        CurrentGrades.CurrentGrades.At(AuthorityStanding.Fold("380", events)!, DateOnly.Parse(asOf), null);

    private static string? Direction(CurrentGrade g, string area) => g.Areas.Single(a => a.Area == area).Direction;

    [Fact]
    public void From_SIF_to_ILACS_2018_only_areas_in_both_frameworks_get_a_direction()
    {
        var grade = At(ThreeFrameworks, "2020-01-01");
        grade.Latest!.Framework.ShouldBe(FrameworkVersion.Ilacs2018);
        Direction(grade, Overall).ShouldBe(Directions.Improved);
        Direction(grade, HelpAndProtection).ShouldBe(Directions.Improved);
        Direction(grade, ImpactOfLeaders).ShouldBeNull();
        Direction(grade, ChildrenInCareAndCareLeavers).ShouldBeNull();
    }

    [Fact]
    public void From_ILACS_2018_to_2023_the_split_care_areas_have_no_counterpart()
    {
        var grade = At(ThreeFrameworks, "2024-03-31");
        grade.Previous!.Framework.ShouldBe(FrameworkVersion.Ilacs2018);
        Direction(grade, Overall).ShouldBe(Directions.Improved);
        Direction(grade, HelpAndProtection).ShouldBe(Directions.Unchanged);
        Direction(grade, ChildrenInCare).ShouldBeNull();
        Direction(grade, CareLeavers).ShouldBeNull();
        grade.Areas.Single(a => a.Area == ImpactOfLeaders).PreviousGrade.ShouldBe(RequiresImprovement);
    }

    [Fact]
    public void The_first_graded_inspection_is_marked_first_and_asOf_hides_later_reports()
    {
        var grade = At(ThreeFrameworks, "2016-06-30");
        grade.Latest!.ReportReference.ShouldBe("sif");
        grade.Previous.ShouldBeNull();
        grade.Areas.ShouldAllBe(a => a.Direction == Directions.First);
        grade.NextInspection.ShouldBeNull();
    }

    [Fact]
    public void The_next_inspection_is_three_years_after_the_last_ended_plus_or_minus_six_months_short_when_good()
    {
        var grade = At(ThreeFrameworks, "2024-03-31");
        var ended = grade.Latest!.EndDate!.Value;
        grade.NextInspection!.Expected.ShouldBe(ended.AddYears(3));
        grade.NextInspection.Earliest.ShouldBe(ended.AddYears(3).AddMonths(-6));
        grade.NextInspection.Latest.ShouldBe(ended.AddYears(3).AddMonths(6));
        grade.NextInspection.Kind.ShouldBe(InspectionKind.Short);
        grade.DaysSince.ShouldBe(DateOnly.Parse("2024-03-31").DayNumber - ended.DayNumber);
        At(ThreeFrameworks, "2021-01-01").NextInspection!.Kind.ShouldBe(InspectionKind.Standard);
    }

    [Fact]
    public void Monitoring_visits_are_counted_only_after_the_latest_inspection()
    {
        object[] events = [.. ThreeFrameworks, MonitoringVisit("2016-06-01", "mv1"), MonitoringVisit("2019-06-01", "mv2"), MonitoringVisit("2019-09-01", "mv3")];
        At(events, "2019-12-31").MonitoringVisitsSince.ShouldBe(2);
        At(events, "2019-07-01").MonitoringVisitsSince.ShouldBe(1);
    }

    [Fact]
    public void A_correction_replaces_the_grades_and_a_withdrawal_brings_back_the_previous_inspection()
    {
        var wrong = Inspection(FrameworkVersion.Ilacs2023, "2024-02-01", "ilacs23",
            (Overall, Inadequate), (ImpactOfLeaders, Good), (HelpAndProtection, Good), (ChildrenInCare, Good), (CareLeavers, Good));
        var corrected = new InspectionCorrected(wrong.FactId, "typo", Details(FrameworkVersion.Ilacs2023, "2024-02-01", "ilacs23",
            (Overall, Outstanding), (ImpactOfLeaders, Good), (HelpAndProtection, Good), (ChildrenInCare, Good), (CareLeavers, Good)), Rec);

        var afterCorrection = At([.. ThreeFrameworks[..3], wrong, corrected], "2024-03-31");
        afterCorrection.Areas.Single(a => a.Area == Overall).Grade.ShouldBe(Outstanding);

        var afterWithdrawal = At([.. ThreeFrameworks[..3], wrong, corrected, Withdrawn(wrong.FactId)], "2024-03-31");
        afterWithdrawal.Latest!.ReportReference.ShouldBe("ilacs18");
    }

    [Fact]
    public void Undated_framework_era_reports_never_become_the_latest_inspection()
    {
        var grade = At([Registered("380", "Bradford"), UndatedSif("summary page")], "2024-03-31");
        grade.Latest.ShouldBeNull();
        grade.Areas.ShouldBeEmpty();
    }
}
