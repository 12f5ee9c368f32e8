using Tracker.Domain.Common;
using Tracker.Domain.Corrections;
using Tracker.Domain.Metrics;
using Tracker.Projections.Timelines;
using Tracker.Projections.Trends;
using static Tracker.Domain.Common.Grade;
using static Tracker.Domain.Common.JudgementAreas;
using static Tracker.Projections.Tests.Events;

namespace Tracker.Projections.Tests;

public sealed class TimelineAndTrendTests
{
    [Fact]
    public void Review_timeliness_from_79_1_to_98_4_percent_is_19_3_points_improving()
    {
        var timeline = Timeline.Fold("380", [Registered("380", "Bradford"),
            Metric(MetricNames.ReviewTimeliness, 2015, 98.4m, "percent", "p"), Metric(MetricNames.ReviewTimeliness, 2013, 79.1m, "percent", "p"),
            Metric(MetricNames.ReviewTimeliness, 2014, 90.0m, "percent", "p")]);
        var trend = MetricTrends.For("380", timeline, new TrendOptions()).Single();
        trend.Points.Select(p => p.Period).ShouldBe(["2013-14", "2014-15", "2015-16"]);
        trend.Change.ShouldBe(19.3m);
        trend.ChangeUnit.ShouldBe("percentage_points");
        trend.Direction.ShouldBe("improving");
        trend.Guideline.ShouldBeNull();
    }

    [Fact]
    public void A_caseload_range_is_compared_by_its_midpoint_against_the_configurable_guideline()
    {
        var timeline = Timeline.Fold("380", [Metric(MetricNames.Caseload, 2013, 80m, "children_per_iro", "p"),
            Metric(MetricNames.Caseload, 2015, null, "children_per_iro", "p", low: 100m, high: 120m)]);
        var trend = MetricTrends.For("380", timeline, new TrendOptions()).Single();
        trend.Points.Last().Value.ShouldBe(110m);
        trend.Direction.ShouldBe("worsening");
        trend.Guideline!.Position.ShouldBe("above");
        var custom = new TrendOptions { Guidelines = { [MetricNames.Caseload] = [100m, 130m] } };
        MetricTrends.For("380", timeline, custom).Single().Guideline!.Position.ShouldBe("within");
    }

    [Fact]
    public void A_metric_correction_changes_the_point_and_a_withdrawal_removes_it()
    {
        var first = Metric(MetricNames.ReviewTimeliness, 2013, 7.91m, "percent", "p");
        var last = Metric(MetricNames.ReviewTimeliness, 2015, 98.4m, "percent", "p");
        var fix = new MetricCorrected(first.FactId, "decimal point", new MetricValue(79.1m, null, null, "percent"), "fp", Rec);
        var timeline = Timeline.Fold("380", [first, last, fix]);
        MetricTrends.For("380", timeline, new TrendOptions()).Single().Change.ShouldBe(19.3m);
        timeline.Single(e => e.FactId == first.FactId).Corrected.ShouldBeTrue();

        var withdrawn = Timeline.Fold("380", [first, last, fix, Withdrawn(first.FactId)]);
        withdrawn.ShouldHaveSingleItem().FactId.ShouldBe(last.FactId);
        MetricTrends.For("380", withdrawn, new TrendOptions()).Single().Direction.ShouldBe("insufficient_data");
    }

    [Fact]
    public void Undated_facts_are_flagged_and_placed_by_era_or_last_never_given_a_date()
    {
        var entries = Timeline.Ordered(Timeline.Fold("380", [
            Inspection(FrameworkVersion.Ilacs2018, "2019-03-01", "ilacs18", (Overall, Good)),
            UndatedSif("sif summary"),
            Finding("IRO caseloads are too high", "sif summary"),
            Metric(MetricNames.ReviewTimeliness, 2013, 79.1m, "percent", "p")]), null);

        entries.Select(e => e.Kind).ShouldBe(["inspection", "metric", "inspection", "finding"]);
        entries[0].Undated.ShouldBeTrue();
        entries[0].Date.ShouldBeNull();
        entries[0].Era.ShouldBe("sif-2013");
        entries[^1].Undated.ShouldBeTrue();
        entries[1].Date.ShouldBe(new DateOnly(2014, 3, 31));
    }

    [Fact]
    public void AsOf_leaves_out_facts_dated_after_it()
    {
        var entries = Timeline.Ordered(Timeline.Fold("380", [
            Inspection(FrameworkVersion.Ilacs2018, "2019-03-01", "ilacs18", (Overall, Good)),
            Inspection(FrameworkVersion.Ilacs2023, "2024-02-01", "ilacs23", (Overall, Good))]), new DateOnly(2020, 1, 1));
        entries.ShouldHaveSingleItem().Framework.ShouldBe("ilacs-2018");
    }
}

public sealed class SnapshotSizeTests
{
    [Fact]
    public void Metric_observations_do_not_grow_the_inline_standing_document()
    {
        object[] register = [Registered("380", "Bradford"), Inspection(FrameworkVersion.Ilacs2023, "2024-02-01", "b23", (Overall, Good))];
        var metrics = Enumerable.Range(1990, 100).Select(y => (object)Metric(MetricNames.ReviewTimeliness, y, 50m, "percent", "p")).ToArray();
        var small = System.Text.Json.JsonSerializer.Serialize(CurrentGrades.AuthorityStanding.Fold("380", register));
        var big = System.Text.Json.JsonSerializer.Serialize(CurrentGrades.AuthorityStanding.Fold("380", [.. register, .. metrics]));
        big.Length.ShouldBe(small.Length);
    }
}
