using Tracker.IntegrationTests.Inspections;
using Tracker.IntegrationTests.Support;

namespace Tracker.IntegrationTests.Corrections;

public sealed class CorrectFactTests(TrackerFixture fixture) : IntegrationTest(fixture)
{
    [Fact]
    public async Task A_corrected_inspection_keeps_its_history_and_a_withdrawal_ends_it()
    {
        var recorded = await Host.Post("/api/authorities/380/inspections", RecordInspectionTests.Ilacs2023());

        await Host.Post("/api/authorities/380/corrections",
            new { factId = recorded.FactId, action = "correct", reason = "Overall grade misread", inspection = RecordInspectionTests.Ilacs2023(overall: "requires_improvement") });
        await Host.Post("/api/authorities/380/corrections", new { factId = recorded.FactId, action = "withdraw", reason = "Not a Bradford report" });

        var history = await Host.GetJson<List<RecordedEvent>>($"/api/authorities/380/facts/{recorded.FactId}");
        history.Select(e => e.Type).ShouldBe(["inspection_recorded", "inspection_corrected", "fact_withdrawn"]);
    }

    [Fact]
    public async Task Correcting_an_unknown_fact_is_a_404() =>
        (await Host.PostProblem("/api/authorities/380/corrections", new { factId = "r-0000000000000000", action = "withdraw", reason = "x" }, 404))
            .Title.ShouldBe("Unknown fact");

    [Fact]
    public async Task A_correction_without_a_reason_is_a_400() =>
        (await Host.PostProblem("/api/authorities/380/corrections", new { factId = "r-0000000000000000", action = "withdraw" }, 400))
            .Errors!.Keys.ShouldContain("reason");
}
