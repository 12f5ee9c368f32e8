using Tracker.IntegrationTests.Support;

namespace Tracker.IntegrationTests.Jtais;

public sealed class RecordJtaiTests(TrackerFixture fixture) : IntegrationTest(fixture)
{
    private static object Jtai(params string[] inspectorates) => new
    {
        theme = "Children living with domestic abuse", inspectorates, startDate = "2024-02-05", endDate = "2024-02-09",
        publishedOn = "2024-04-02", reportReference = "jtai-380-2024",
    };

    [Fact]
    public async Task A_jtai_is_recorded_with_its_inspectorates()
    {
        var answer = await Host.Post("/api/authorities/380/jtais", Jtai("ofsted", "cqc", "hmicfrs"));
        var history = await Host.GetJson<List<FactBody>>($"/api/authorities/380/facts/{answer.FactId}");
        history.Single().Data.Details.Inspectorates.ShouldBe(["cqc", "hmicfrs", "ofsted"]);
    }

    [Fact]
    public async Task A_jtai_with_one_inspectorate_is_a_400() =>
        (await Host.PostProblem("/api/authorities/380/jtais", Jtai("ofsted"), 400)).Errors!.Keys.ShouldContain("inspectorates");

    public sealed record FactBody(string Type, JtaiData Data);
    public sealed record JtaiData(JtaiBody Details);
    public sealed record JtaiBody(string Theme, List<string> Inspectorates);
}
