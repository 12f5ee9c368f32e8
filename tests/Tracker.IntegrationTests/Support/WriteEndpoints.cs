using Alba;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Tracker.IntegrationTests.Support;

/// <summary>
/// Every endpoint that takes a request body, found from the running host rather than listed by hand, so that
/// endpoints added later are covered by the bad-input corpus without editing it.
/// </summary>
public static class WriteEndpoints
{
    private static readonly string[] WriteMethods = ["POST", "PUT", "PATCH", "DELETE"];

    public static IReadOnlyList<(string Method, string Url)> All(IAlbaHost host) =>
        host.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.Metadata.GetMetadata<IAcceptsMetadata>()?.RequestType is not null)
            .SelectMany(e => (e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? []).Where(WriteMethods.Contains)
                .Select(m => (m, Url(e.RoutePattern.RawText ?? ""))))
            .Distinct().OrderBy(e => e.Item2).ToList();

    private static string Url(string pattern) =>
        "/" + System.Text.RegularExpressions.Regex.Replace(pattern.TrimStart('/'), "\\{([^}:]+)[^}]*\\}",
            m => m.Groups[1].Value switch
            {
                "authority" => "380",
                // An id that parses (a Guid parameter would otherwise 404 before the body is read) but names nothing.
                "id" => Guid.Empty.ToString(),
                var name => "no-such-" + name,
            });
}
