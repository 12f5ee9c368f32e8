using Alba;
using Tracker.IntegrationTests.Support;

namespace Tracker.IntegrationTests.Inspections;

public sealed class RecordInspectionTests(TrackerFixture fixture) : IntegrationTest(fixture)
{
    public static object Ilacs2023(string reference = "https://files.ofsted.gov.uk/v1/file/50000001", string overall = "good") => new
    {
        framework = "ilacs-2023",
        kind = "standard",
        startDate = "2024-01-08",
        endDate = "2024-01-19",
        publishedOn = "2024-03-01",
        reportReference = reference,
        grades = new Dictionary<string, string>
        {
            ["overall"] = overall, ["impact_of_leaders"] = "good", ["help_and_protection"] = "good",
            ["children_in_care"] = "requires_improvement", ["care_leavers"] = "good",
        },
    };

    [Fact]
    public async Task Recording_an_inspection_answers_201_with_the_fact_and_stream_version()
    {
        var result = await Host.Scenario(s =>
        {
            s.Post.Json(Ilacs2023()).ToUrl("/api/authorities/bradford/inspections");
            s.StatusCodeShouldBe(201);
        });
        var body = await result.Read<WriteAnswer>();
        body.Status.ShouldBe("recorded");
        body.Authority.ShouldBe("380");
        body.Version.ShouldBe(2);
        result.Context.Response.Headers.Location.ToString().ShouldBe($"/api/authorities/380/facts/{body.FactId}");
        result.Context.Response.Headers.ETag.ToString().ShouldBe("\"2\"");
    }

    [Fact]
    public async Task Recording_the_same_report_twice_appends_nothing_and_answers_with_the_existing_record()
    {
        await Host.Scenario(s => { s.Post.Json(Ilacs2023()).ToUrl("/api/authorities/380/inspections"); s.StatusCodeShouldBe(201); });

        var again = await Host.Scenario(s =>
        {
            s.Post.Json(Ilacs2023()).ToUrl("/api/authorities/E08000032/inspections");
            s.StatusCodeShouldBe(200);
        });
        var body = await again.Read<WriteAnswer>();
        body.Status.ShouldBe("already_recorded");
        body.Version.ShouldBe(2);
        body.Record!.Single().Type.ShouldBe("inspection_recorded");
    }

    [Fact]
    public async Task A_conflicting_second_version_of_a_report_is_a_409_naming_the_correction_command()
    {
        await Host.Scenario(s => { s.Post.Json(Ilacs2023()).ToUrl("/api/authorities/380/inspections"); s.StatusCodeShouldBe(201); });

        var conflict = await Host.Scenario(s =>
        {
            s.Post.Json(Ilacs2023(overall: "inadequate")).ToUrl("/api/authorities/380/inspections");
            s.StatusCodeShouldBe(409);
        });
        var problem = await conflict.Read<Problem>();
        problem.Detail!.ShouldContain("/api/authorities/380/corrections");
    }
}
