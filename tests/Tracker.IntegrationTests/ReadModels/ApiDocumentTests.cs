using System.Text.Json;
using Alba;
using Tracker.IntegrationTests.Support;

namespace Tracker.IntegrationTests.ReadModels;

public sealed class ApiDocumentTests(TrackerFixture fixture) : IntegrationTest(fixture)
{
    [Theory]
    [InlineData("/api/authorities", "400")]
    [InlineData("/api/authorities/{authority}/current", "404")]
    [InlineData("/api/authorities/{authority}/timeline", "404")]
    [InlineData("/api/authorities/{authority}/trends", "404")]
    [InlineData("/api/authorities/{authority}/trends/{metric}", "404")]
    [InlineData("/api/authorities/{authority}/neighbours", "404")]
    [InlineData("/api/national", "400")]
    [InlineData("/api/regions/{region}", "404")]
    public async Task Every_read_endpoint_is_in_the_OpenAPI_document_with_its_answer_and_problem(string path, string problemStatus)
    {
        var doc = await Host.GetJson<JsonElement>("/openapi/v1.json");
        var get = doc.GetProperty("paths").GetProperty(path).GetProperty("get");
        var responses = get.GetProperty("responses");
        responses.GetProperty("200").GetProperty("content").TryGetProperty("application/json", out _).ShouldBeTrue();
        responses.GetProperty(problemStatus).GetProperty("content").TryGetProperty("application/problem+json", out _).ShouldBeTrue();
        get.GetProperty("parameters").EnumerateArray().Select(p => p.GetProperty("name").GetString()).ShouldContain("asOf");
    }

    [Fact]
    public async Task A_browsable_API_reference_is_served()
    {
        var result = await Host.Scenario(s => { s.Get.Url("/scalar/v1"); s.StatusCodeShouldBe(200); });
        (await result.ReadAsTextAsync()).ShouldContain("openapi/v1.json");
    }
}
