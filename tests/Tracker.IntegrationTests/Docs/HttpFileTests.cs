using System.Text.RegularExpressions;
using Alba;
using Tracker.IntegrationTests.Support;

namespace Tracker.IntegrationTests.Docs;

/// <summary>docs/tracker.http has a request for every operation the API documents, and nothing it does not.</summary>
public sealed partial class HttpFileTests(TrackerFixture fixture) : IntegrationTest(fixture)
{
    /// <summary>Paths the Host serves outside the OpenAPI document that the file may show.</summary>
    private static readonly string[] Undocumented = ["/health/live", "/health/ready"];

    [Fact]
    public async Task The_http_file_covers_every_operation_of_the_openapi_document()
    {
        var document = await (await Host.Scenario(s => s.Get.Url("/openapi/v1.json"))).ReadAsTextAsync();
        var operations = ApiOperation.From(document);
        var file = await File.ReadAllTextAsync(Path.Combine(RepositoryRoot.Find(), "docs", "tracker.http"));
        var requests = RequestLine().Matches(file)
            .Select(m => (Method: m.Groups[1].Value, Path: Variable().Replace(m.Groups[2].Value, "x"))).ToList();
        requests.Count.ShouldBeGreaterThan(operations.Count);

        var unknown = requests.Where(r => ApiOperation.Match(operations, r.Method, r.Path) is null
            && !Undocumented.Contains(r.Path)).Select(r => $"{r.Method} {r.Path}").ToList();
        unknown.ShouldBeEmpty("requests in docs/tracker.http that the OpenAPI document does not describe");
        var covered = requests.Select(r => ApiOperation.Match(operations, r.Method, r.Path)).OfType<ApiOperation>().ToHashSet();
        var missing = operations.Where(o => !covered.Contains(o)).Select(o => $"{o.Method} {o.Path}").ToList();
        missing.ShouldBeEmpty("operations of /openapi/v1.json without a request in docs/tracker.http");
    }

    /// <summary>A request line: method, then {{host}} and the path up to the query.</summary>
    [GeneratedRegex(@"^(GET|POST|PUT|PATCH|DELETE) \{\{host\}\}([^?\s]*)", RegexOptions.Multiline)]
    private static partial Regex RequestLine();

    [GeneratedRegex(@"\{\{[^}]+\}\}")]
    private static partial Regex Variable();
}
