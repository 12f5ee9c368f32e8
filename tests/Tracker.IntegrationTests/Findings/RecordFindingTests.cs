using Tracker.IntegrationTests.Support;

namespace Tracker.IntegrationTests.Findings;

public sealed class RecordFindingTests(TrackerFixture fixture) : IntegrationTest(fixture)
{
    [Fact]
    public async Task A_finding_is_recorded_once()
    {
        var finding = new { service = "iro_service", quote = "IROs challenge drift in care planning.", reportReference = "sif-iro-summary-page#4" };
        (await Host.Post("/api/authorities/380/findings", finding)).Status.ShouldBe("recorded");
        (await Host.Post("/api/authorities/380/findings", finding, status: 200)).Status.ShouldBe("already_recorded");
    }

    [Fact]
    public async Task A_finding_without_a_quote_is_a_400() =>
        (await Host.PostProblem("/api/authorities/380/findings", new { service = "iro_service", reportReference = "x" }, 400))
            .Errors!.Keys.ShouldContain("quote");
}
