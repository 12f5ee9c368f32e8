using Marten;
using Tracker.IntegrationTests.Inspections;
using Tracker.IntegrationTests.ReadModels;
using Tracker.IntegrationTests.Support;
using Tracker.Projections.CurrentGrades;

namespace Tracker.IntegrationTests.Corrections;

public sealed class ReinstateFactTests(TrackerFixture fixture) : IntegrationTest(fixture)
{
    [Fact]
    public async Task A_withdrawn_fact_sent_again_answers_withdrawn_and_appends_nothing_until_it_is_reinstated()
    {
        var recorded = await Host.Post("/api/authorities/380/inspections", RecordInspectionTests.Ilacs2023());
        await Host.Post("/api/authorities/380/corrections", new { factId = recorded.FactId, action = "withdraw", reason = "Not Bradford's" });

        var resent = await Host.Post("/api/authorities/380/inspections", RecordInspectionTests.Ilacs2023(), 200);
        resent.Status.ShouldBe("withdrawn");
        resent.Version.ShouldBe(3);
        (await Timeline()).ShouldNotContain(recorded.FactId);
        (await Standing()).Inspections.ShouldBeEmpty();

        var reinstated = await Host.Post("/api/authorities/380/corrections",
            new { factId = recorded.FactId, action = "reinstate", reason = "It is Bradford's after all" });
        reinstated.Version.ShouldBe(4);
        (await Timeline()).ShouldContain(recorded.FactId);
        (await Standing()).Inspections.ShouldHaveSingleItem().Grades["overall"].ShouldBe(Tracker.Domain.Common.Grade.Good);
        var history = await Host.GetJson<List<RecordedEvent>>($"/api/authorities/380/facts/{recorded.FactId}");
        history.Select(e => e.Type).ShouldBe(["inspection_recorded", "fact_withdrawn", "fact_reinstated"]);

        // Counting again, the same report is an ordinary duplicate, and so is a repeated reinstatement.
        (await Host.Post("/api/authorities/380/inspections", RecordInspectionTests.Ilacs2023(), 200)).Status.ShouldBe("already_recorded");
        (await Host.Post("/api/authorities/380/corrections",
            new { factId = recorded.FactId, action = "reinstate", reason = "again" }, 200)).Status.ShouldBe("already_recorded");
    }

    [Fact]
    public async Task A_batch_names_a_withdrawn_fact_sent_again()
    {
        var recorded = await Host.Post("/api/authorities/380/inspections", RecordInspectionTests.Ilacs2023());
        await Host.Post("/api/authorities/380/corrections", new { factId = recorded.FactId, action = "withdraw", reason = "x" });
        var answer = await Host.Scenario(s =>
        {
            s.Post.Json(new { commands = new[] { new { type = "inspection", authority = "380", fact = RecordInspectionTests.Ilacs2023() } } })
                .ToUrl("/api/batches");
            s.StatusCodeShouldBe(200);
        });
        (await answer.ReadAsTextAsync()).ShouldContain("\"status\":\"withdrawn\"");
    }

    [Fact]
    public async Task Two_spellings_of_one_report_url_are_one_fact_over_http()
    {
        var first = await Host.Post("/api/authorities/380/inspections", RecordInspectionTests.Ilacs2023("https://files.ofsted.gov.uk/v1/file/1"));
        var second = await Host.Post("/api/authorities/380/inspections",
            RecordInspectionTests.Ilacs2023("http://FILES.ofsted.gov.uk/v1/file/1/"), 200);
        second.Status.ShouldBe("already_recorded");
        second.FactId.ShouldBe(first.FactId);
    }

    private async Task<List<string>> Timeline() =>
        (await Host.GetJson<TimelineAndTrendEndpointTests.TimelineAnswer>("/api/authorities/380/timeline")).Entries.Select(e => e.FactId).ToList();

    private async Task<AuthorityStanding> Standing()
    {
        await using var session = Fixture.Store.QuerySession();
        return (await session.LoadAsync<AuthorityStanding>("380"))!;
    }
}
