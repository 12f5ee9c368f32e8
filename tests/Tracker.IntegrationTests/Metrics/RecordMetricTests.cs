using Tracker.IntegrationTests.Support;

namespace Tracker.IntegrationTests.Metrics;

public sealed class RecordMetricTests(TrackerFixture fixture) : IntegrationTest(fixture)
{
    private static object Timeliness(decimal value, string year) => new
    {
        metric = "iro_review_timeliness", value, unit = "percent", period = new { kind = "financial_year", label = year },
        reportReference = "sif-iro-summary-page", quote = "rising from 79.1% in 2013–14 to 98.4% in 2015–16",
    };

    [Fact]
    public async Task Two_periods_are_two_observations_and_a_repeat_is_one()
    {
        var first = await Host.Post("/api/authorities/380/metrics", Timeliness(79.1m, "2013-14"));
        var second = await Host.Post("/api/authorities/380/metrics", Timeliness(98.4m, "2015–16"));
        second.FactId.ShouldNotBe(first.FactId);
        (await Host.Post("/api/authorities/380/metrics", Timeliness(79.1m, "2013-14"), status: 200)).Version.ShouldBe(3);
    }

    [Fact]
    public async Task A_caseload_range_is_accepted_and_a_bad_period_is_a_400()
    {
        await Host.Post("/api/authorities/380/metrics", new
        {
            metric = "iro_caseload", low = 100, high = 120, unit = "children_per_iro", period = new { kind = "unknown" },
            reportReference = "sif-iro-summary-page", quote = "IRO caseloads of 100–120",
        });
        var problem = await Host.PostProblem("/api/authorities/380/metrics", Timeliness(90m, "2014-16"), 400);
        problem.Errors!.Keys.ShouldContain("period.label");
    }
}
