using Tracker.IntegrationTests.Support;

namespace Tracker.IntegrationTests.Visits;

public sealed class RecordVisitTests(TrackerFixture fixture) : IntegrationTest(fixture)
{
    private static object Letter(string reference, string? topic = null) => new
    {
        startDate = "2024-05-14", endDate = "2024-05-15", publishedOn = "2024-06-20", reportReference = reference, topic,
    };

    [Fact]
    public async Task A_monitoring_visit_is_recorded_and_repeating_it_appends_nothing()
    {
        var first = await Host.Post("/api/authorities/bradford/monitoring-visits", Letter("mv-1"));
        first.Version.ShouldBe(2);
        var again = await Host.Post("/api/authorities/bradford/monitoring-visits", Letter("mv-1"), status: 200);
        again.Status.ShouldBe("already_recorded");
        again.Record!.Single().Type.ShouldBe("monitoring_visit_recorded");
    }

    [Fact]
    public async Task A_focused_visit_without_a_topic_is_a_400_naming_the_field()
    {
        var problem = await Host.PostProblem("/api/authorities/380/focused-visits", Letter("fv-1"), 400);
        problem.Errors!.Keys.ShouldContain("topic");
        (await Host.Post("/api/authorities/380/focused-visits", Letter("fv-1", "Children in need"))).Status.ShouldBe("recorded");
    }

    [Fact]
    public async Task A_report_recorded_as_a_visit_cannot_be_recorded_again_as_another_kind()
    {
        await Host.Post("/api/authorities/380/monitoring-visits", Letter("shared-ref"));
        var problem = await Host.PostProblem("/api/authorities/380/focused-visits", Letter("shared-ref", "Topic"), 409);
        problem.Detail!.ShouldContain("monitoring_visit");
    }
}
