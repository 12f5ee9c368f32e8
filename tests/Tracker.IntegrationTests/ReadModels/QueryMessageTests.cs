using Tracker.Domain.Common;
using Tracker.Domain.Metrics;
using Tracker.Host.Authorities;
using Tracker.Host.National;
using Tracker.Host.Timelines;
using Tracker.Host.Trends;
using Tracker.IntegrationTests.Support;
using Tracker.Projections.National;
using Tracker.Projections.Trends;

namespace Tracker.IntegrationTests.ReadModels;

/// <summary>The same queries as the endpoints, asked over Wolverine's request/response (IMessageBus.InvokeAsync).</summary>
public sealed class QueryMessageTests(TrackerFixture fixture) : IntegrationTest(fixture)
{
    [Fact]
    public async Task Pictures_lists_timelines_and_trends_answer_as_messages()
    {
        await Host.Inspection("380", FrameworkVersion.Ilacs2023, "2024-02-01", "b23", Grade.Good);
        await Host.Metric("380", MetricNames.ReviewTimeliness, "2013-14", 79.1m);
        await Host.Metric("380", MetricNames.ReviewTimeliness, "2015-16", 98.4m);
        var asOf = new DateOnly(2024, 3, 31);
        await ProjectionsCaughtUpAsync();

        var national = await Host.Ask<GradePicture>(new GetGradePicture(JudgementAreas.Overall, asOf));
        (national.Good, national.Graded, national.GoodOrOutstandingPercent).ShouldBe((1, 1, 100.0m));

        var regional = await Host.Ask<GradePicture>(new GetGradePicture(JudgementAreas.Overall, asOf, Region: "E12000003"));
        regional.Scope.ShouldBe("Yorkshire and the Humber");

        var page = await Host.Ask<AuthorityPage>(new ListAuthorities(null, JudgementAreas.Overall, "good", false, asOf, null));
        page.Rows.ShouldHaveSingleItem().Id.ShouldBe("380");

        var timeline = await Host.Ask<AuthorityTimeline>(new GetTimeline("bradford", asOf));
        timeline.Entries.Count.ShouldBe(3);

        var trend = await Host.Ask<MetricTrend>(new GetTrend("bradford", MetricNames.ReviewTimeliness, asOf));
        trend.Change.ShouldBe(19.3m);

        var neighbours = await Host.Ask<NeighbourComparison>(new GetNeighbours("bradford", JudgementAreas.Overall, asOf));
        neighbours.Authority.Grade.ShouldBe("good");
    }

    [Fact]
    public async Task An_unknown_authority_asked_as_a_message_fails_with_the_not_found_rejection()
    {
        var error = await Should.ThrowAsync<Rejection>(() =>
            Host.Ask<Tracker.Projections.CurrentGrades.CurrentGrade>(new Tracker.Host.CurrentGrades.GetCurrentGrade("atlantis", new DateOnly(2024, 3, 31))));
        error.Kind.ShouldBe(RejectionKind.NotFound);
    }
}
