using System.Text;
using Alba;
using Marten;
using Tracker.IntegrationTests.Support;

namespace Tracker.IntegrationTests.Inspections;

/// <summary>Every class of bad input gets its status and a problem body, and the store is left unchanged.</summary>
public sealed class RecordInspectionValidationTests(TrackerFixture fixture) : IntegrationTest(fixture)
{
    private const string Valid = """
        {"framework":"ilacs-2023","kind":"standard","startDate":"2024-01-08","endDate":"2024-01-19","publishedOn":"2024-03-01",
         "reportReference":"https://files.ofsted.gov.uk/v1/file/50000001",
         "grades":{"overall":"good","impact_of_leaders":"good","help_and_protection":"good","children_in_care":"good","care_leavers":"good"}}
        """;

    public static TheoryData<string, string, string> BadBodies() => new()
    {
        { "an area not in the framework", Valid.Replace("\"care_leavers\":\"good\"", "\"care_leavers\":\"good\",\"adoption\":\"good\""), "grades.adoption" },
        { "a grade outside the scale", Valid.Replace("\"overall\":\"good\"", "\"overall\":\"excellent\""), "$.grades.overall" },
        { "an end date before the start", Valid.Replace("\"endDate\":\"2024-01-19\"", "\"endDate\":\"2024-01-01\""), "endDate" },
        { "publication before the end of fieldwork", Valid.Replace("\"publishedOn\":\"2024-03-01\"", "\"publishedOn\":\"2024-01-10\""), "publishedOn" },
        { "a publication date in the future", Valid.Replace("\"publishedOn\":\"2024-03-01\"", "\"publishedOn\":\"2099-03-01\""), "publishedOn" },
        { "an enum sent as a number", Valid.Replace("\"framework\":\"ilacs-2023\"", "\"framework\":2"), "$.framework" },
        { "a grade sent as a number", Valid.Replace("\"overall\":\"good\"", "\"overall\":1"), "$.grades.overall" },
        { "truncated JSON", Valid[..60], "" },
        { "a trailing comma", Valid.Replace("}}", "},}"), "" },
        { "an unknown field", Valid.Replace("{\"framework\"", "{\"authority\":\"999\",\"framework\""), "authority" },
        { "a duplicate key", Valid.Replace("{\"framework\":\"ilacs-2023\"", "{\"framework\":\"ilacs-2023\",\"framework\":\"sif-2013\""), "framework" },
        { "a NUL character", Valid.Replace("50000001", "5000\\u00000001"), "U+0000" },
        { "an impossible date", Valid.Replace("2024-01-08", "2024-02-30"), "$.startDate" },
        { "a date in another format", Valid.Replace("2024-01-08", "08/01/2024"), "$.startDate" },
        { "an SQL injection string as an area", Valid.Replace("\"care_leavers\":\"good\"", "\"care_leavers\":\"good\",\"x'); drop table tracker.mt_events;--\":\"good\""), "drop table" },
        { "a JSON null body", "null", "body" },
        { "a top-level array", "[" + Valid + "]", "" },
        { "nesting deeper than 64 levels", new string('[', 70) + new string(']', 70), "" },
    };

    [Theory]
    [MemberData(nameof(BadBodies))]
    public async Task Bad_input_is_a_400_problem_and_records_nothing(string because, string body, string mentioned)
    {
        var before = await EventCount();
        var result = await Host.Scenario(s =>
        {
            s.Post.Text(body).ToUrl("/api/authorities/380/inspections");
            s.WithRequestHeader("Content-Type", "application/json");
            s.StatusCodeShouldBe(400);
            s.ContentTypeShouldBe("application/problem+json");
        });
        var text = await result.ReadAsTextAsync();
        text.ShouldContain(mentioned, Case.Insensitive, because);
        text.ShouldNotContain("   at ", customMessage: "no stack traces in problems");
        (await EventCount()).ShouldBe(before);
    }

    [Fact]
    public async Task An_unknown_authority_is_a_404_problem()
    {
        var result = await Host.Scenario(s =>
        {
            s.Post.Text(Valid).ToUrl("/api/authorities/999/inspections");
            s.WithRequestHeader("Content-Type", "application/json");
            s.StatusCodeShouldBe(404);
        });
        (await result.Read<Problem>()).Title.ShouldBe("Unknown authority");
    }

    [Fact]
    public async Task A_wrong_content_type_is_a_415_problem()
    {
        await Host.Scenario(s =>
        {
            s.Post.Text(Valid).ToUrl("/api/authorities/380/inspections");
            s.WithRequestHeader("Content-Type", "text/plain");
            s.StatusCodeShouldBe(415);
            s.ContentTypeShouldBe("application/problem+json");
        });
    }

    [Fact]
    public async Task Field_errors_name_every_invalid_field()
    {
        var result = await Host.Scenario(s =>
        {
            s.Post.Text("{}").ToUrl("/api/authorities/380/inspections");
            s.WithRequestHeader("Content-Type", "application/json");
            s.StatusCodeShouldBe(400);
        });
        var problem = await result.Read<Problem>();
        problem.Errors!.Keys.ShouldBe(["framework", "reportReference", "startDate", "endDate", "publishedOn", "grades"], ignoreOrder: true);
        problem.Code.ShouldBe("invalid_command");
    }

    private async Task<long> EventCount()
    {
        await using var session = Fixture.Store.QuerySession();
        return await session.Events.QueryAllRawEvents().CountAsync();
    }
}
