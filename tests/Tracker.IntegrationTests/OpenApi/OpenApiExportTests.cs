using System.Text.Json;
using Alba;
using Tracker.IntegrationTests.Support;

namespace Tracker.IntegrationTests.OpenApi;

/// <summary>The OpenAPI document as a file, so a standard linter (Redocly) can be run on exactly what the host serves.</summary>
public sealed class OpenApiExportTests(TrackerFixture fixture) : IntegrationTest(fixture)
{
    /// <summary>Where the document is written: TRACKER_OPENAPI_OUT if set, else beside the test assembly.</summary>
    public static string ExportPath =>
        Environment.GetEnvironmentVariable("TRACKER_OPENAPI_OUT") is { Length: > 0 } path
            ? path
            : Path.Combine(AppContext.BaseDirectory, "openapi-v1.json");

    [Fact]
    public async Task The_document_is_exported_for_the_linter()
    {
        var text = await (await Host.Scenario(s => s.Get.Url("/openapi/v1.json"))).ReadAsTextAsync();
        JsonDocument.Parse(text).RootElement.GetProperty("openapi").GetString().ShouldStartWith("3.");
        await File.WriteAllTextAsync(ExportPath, text);
    }
}
