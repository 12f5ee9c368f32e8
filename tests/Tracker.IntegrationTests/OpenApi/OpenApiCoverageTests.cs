using System.Text.Json;
using System.Text.RegularExpressions;
using Alba;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Tracker.IntegrationTests.Support;

namespace Tracker.IntegrationTests.OpenApi;

public sealed partial class OpenApiCoverageTests(TrackerFixture fixture) : IntegrationTest(fixture)
{
    /// <summary>
    /// Routes that are deliberately not part of the API contract: the probes, the document and its viewer themselves,
    /// and the dashboard's pages and files (HTML and static assets, not API).
    /// </summary>
    private static readonly string[] Internal =
    [
        "/health/live", "/health/ready", "/openapi/{documentName}.json", "/scalar/{documentName?}", "/",
        "/authorities/{authority}", "/dashboard/{**path}",
    ];

    [Fact]
    public async Task Every_public_endpoint_and_method_is_in_the_OpenAPI_document()
    {
        var doc = await Host.GetJson<JsonElement>("/openapi/v1.json");
        var documented = doc.GetProperty("paths").EnumerateObject()
            .SelectMany(p => p.Value.EnumerateObject().Select(m => $"{m.Name.ToUpperInvariant()} {p.Name}"))
            .ToHashSet(StringComparer.OrdinalIgnoreCase);

        var routes = Host.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Select(e => (Path: "/" + (e.RoutePattern.RawText ?? "").TrimStart('/'),
                Methods: e.Metadata.GetMetadata<Microsoft.AspNetCore.Routing.HttpMethodMetadata>()?.HttpMethods ?? ["GET"]))
            .Where(r => !Internal.Contains(r.Path) && !r.Path.StartsWith("/scalar", StringComparison.Ordinal))
            .SelectMany(r => r.Methods.Select(m => $"{m} {Normalise(r.Path)}"))
            .Distinct().ToList();

        routes.Count.ShouldBeGreaterThan(20);
        routes.Where(r => !documented.Contains(r)).ShouldBeEmpty("endpoints missing from /openapi/v1.json");
    }

    /// <summary>OpenAPI paths carry parameter names without route constraints or catch-all stars.</summary>
    private static string Normalise(string path) => Constraint().Replace(path, m => "{" + m.Groups[1].Value + "}");

    [GeneratedRegex(@"\{\**([A-Za-z0-9_]+)[^}]*\}")]
    private static partial Regex Constraint();
}
