using System.Text.Json;
using Alba;
using Tracker.IntegrationTests.Inspections;
using Tracker.IntegrationTests.Support;

namespace Tracker.IntegrationTests.Faults;

/// <summary>
/// Enum-valued inputs (framework, kind, grades, areas, correction actions, query filters) under other casings, and as
/// empty strings: the wire spelling is accepted; every other spelling is a 400 problem naming the field, never a 500.
/// </summary>
public sealed class EnumInputTests(TrackerFixture fixture) : IntegrationTest(fixture)
{
    public static TheoryData<string, string, string, int> Bodies => new()
    {
        // field, value, description, expected status
        { "framework", "ilacs-2023", "wire spelling", 201 },
        { "framework", "ILACS-2023", "upper case", 400 },
        { "framework", "Ilacs2023", "C# member name", 400 },
        { "framework", "", "empty", 400 },
        { "kind", "standard", "wire spelling", 201 },
        { "kind", "Standard", "capitalised", 400 },
        { "kind", "", "empty", 400 },
        { "overall", "requires_improvement", "wire spelling", 201 },
        { "overall", "Requires_Improvement", "mixed case", 400 },
        { "overall", "RequiresImprovement", "C# member name", 400 },
        { "overall", "requires improvement", "words", 400 },
        { "overall", "", "empty", 400 },
    };

    [Theory]
    [MemberData(nameof(Bodies))]
    public async Task An_enum_in_a_command_body_takes_its_wire_spelling_and_anything_else_is_a_400_problem(
        string field, string value, string what, int expected)
    {
        var body = JsonSerializer.SerializeToNode(RecordInspectionTests.Ilacs2023($"https://files.ofsted.gov.uk/v1/file/{Guid.NewGuid():N}"))!;
        if (field == "overall") body["grades"]!["overall"] = value;
        else body[field] = value;
        var result = await Host.Scenario(s =>
        {
            s.Post.Json(body).ToUrl("/api/authorities/380/inspections");
            s.IgnoreStatusCode();
        });
        var status = result.Context.Response.StatusCode;
        var text = await result.ReadAsTextAsync();
        status.ShouldBe(expected, $"{field} = '{value}' ({what}): {text}");
        if (status >= 400)
        {
            result.Context.Response.ContentType.ShouldStartWith("application/problem+json");
            text.ShouldContain(field == "overall" ? "grades" : field, Case.Insensitive);
        }
    }

    public static TheoryData<string, int> Queries => new()
    {
        { "/api/authorities?grade=good", 200 },
        { "/api/authorities?grade=Good", 400 },
        { "/api/authorities?grade=", 400 },
        { "/api/authorities?area=overall", 200 },
        { "/api/authorities?area=Overall", 400 },
        { "/api/authorities?area=", 400 },
        { "/api/national?area=OVERALL", 400 },
        { "/api/national?area=", 400 },
        { "/api/national/series?area=Overall", 400 },
        { "/api/events?type=tracker.inspection.recorded", 200 },
        { "/api/events?type=Tracker.Inspection.Recorded", 400 },
        { "/api/events?type=", 400 },
        { "/api/events/stream?type=", 400 },
        { "/api/events/stream?type=TRACKER.INSPECTION.RECORDED", 400 },
    };

    [Theory]
    [MemberData(nameof(Queries))]
    public async Task An_enum_in_a_query_takes_its_wire_spelling_and_anything_else_is_a_400_problem(string url, int expected)
    {
        var result = await Host.Scenario(s => { s.Get.Url(url); s.IgnoreStatusCode(); });
        var status = result.Context.Response.StatusCode;
        status.ShouldBe(expected, $"{url}: {(status == 200 ? "" : await result.ReadAsTextAsync())}");
        if (status >= 400) result.Context.Response.ContentType.ShouldStartWith("application/problem+json");
    }
}
