using Tracker.Domain.Authorities;
using Tracker.Domain.Common;
using Tracker.Projections.CurrentGrades;
using Tracker.Projections.National;
using static Tracker.Domain.Common.Grade;
using static Tracker.Domain.Common.JudgementAreas;
using static Tracker.Projections.Tests.Events;

namespace Tracker.Projections.Tests;

public sealed class GradePictureTests
{
    private static readonly LineageLink Old = new("928", "Northamptonshire");
    private static readonly LineageLink New = new("940", "North Northamptonshire");

    private static AuthorityStanding[] Standings() =>
    [
        AuthorityStanding.Fold("928", [Registered("928", "Northamptonshire"),
            Inspection(FrameworkVersion.Ilacs2018, "2019-08-01", "n18", (Overall, Inadequate)),
            new AuthorityAbolished([New], new DateOnly(2021, 4, 1), "test", Rec)])!,
        // The successor starts with no history: the predecessor's inspections are not inherited.
        AuthorityStanding.Fold("940", [Registered("940", "North Northamptonshire"), new AuthorityFormedFrom([Old], new DateOnly(2021, 4, 1), "test", Rec)])!,
        AuthorityStanding.Fold("380", [Registered("380", "Bradford"), Inspection(FrameworkVersion.Ilacs2018, "2018-10-01", "b18", (Overall, Inadequate)),
            Inspection(FrameworkVersion.Ilacs2023, "2024-02-01", "b23", (Overall, Good))])!,
        AuthorityStanding.Fold("381", [Registered("381", "Calderdale"), Inspection(FrameworkVersion.Ilacs2018, "2019-01-01", "c18", (Overall, Outstanding))])!,
        AuthorityStanding.Fold("382", [Registered("382", "Kirklees"), Inspection(FrameworkVersion.Ilacs2023, "2024-04-02", "k23", (Overall, RequiresImprovement))])!,
    ];

    [Fact]
    public void Before_the_split_the_predecessor_counts_and_the_successor_does_not_exist()
    {
        var p = GradePictures.Compute("england", Overall, new DateOnly(2020, 3, 31), null, Standings());
        p.Authorities.ShouldBe(4);
        (p.Outstanding, p.Good, p.RequiresImprovement, p.Inadequate, p.Ungraded).ShouldBe((1, 0, 0, 2, 1));
        p.GoodOrOutstandingPercent.ShouldBe(33.3m);
    }

    [Fact]
    public void After_the_split_the_successor_is_ungraded_and_the_predecessor_is_gone()
    {
        // By hand on 31 March 2024: Bradford good (Feb 2024), Calderdale outstanding, Kirklees ungraded (published 2 April),
        // North Northamptonshire ungraded; Northamptonshire abolished. Graded 2, good or outstanding 2: 100%.
        var p = GradePictures.Compute("england", Overall, new DateOnly(2024, 3, 31), null, Standings());
        p.Authorities.ShouldBe(4);
        (p.Outstanding, p.Good, p.RequiresImprovement, p.Inadequate, p.Ungraded).ShouldBe((1, 1, 0, 0, 2));
        p.GoodOrOutstandingPercent.ShouldBe(100.0m);
    }

    [Fact]
    public void An_area_the_latest_framework_does_not_grade_counts_as_ungraded()
    {
        var p = GradePictures.Compute("england", ChildrenInCare, new DateOnly(2024, 3, 31), null, Standings());
        p.Graded.ShouldBe(0);
        p.GoodOrOutstandingPercent.ShouldBeNull();
    }

    [Fact]
    public void An_inspection_under_a_framework_before_sif_never_counts_in_the_picture()
    {
        var norfolk = AuthorityStanding.Fold("926", [Registered("926", "Norfolk"),
            Inspection(FrameworkVersion.Lac, "2013-08-16", "lac", (Overall, Inadequate)),
            Inspection(FrameworkVersion.Sif2013, "2015-10-20", "sif", (Overall, RequiresImprovement))])!;

        GradePictures.Compute("england", Overall, new DateOnly(2014, 3, 31), null, [norfolk]).Ungraded.ShouldBe(1);
        GradePictures.Compute("england", Overall, new DateOnly(2016, 3, 31), null, [norfolk]).RequiresImprovement.ShouldBe(1);
    }
}
