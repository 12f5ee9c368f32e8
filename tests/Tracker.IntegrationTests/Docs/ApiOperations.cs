using System.Text.Json;
using System.Text.RegularExpressions;

namespace Tracker.IntegrationTests.Docs;

/// <summary>One operation of the served OpenAPI document: method, path template and its documented 2xx answers.</summary>
public sealed record ApiOperation(string Method, string Path, IReadOnlyList<int> Successes)
{
    private Regex Pattern { get; } = new("^" + Regex.Replace(Regex.Escape(Path), @"\\\{[^}]+}", "[^/]+") + "$");
    private int Placeholders => Path.Count(c => c == '{');

    public static IReadOnlyList<ApiOperation> From(string document)
    {
        using var json = JsonDocument.Parse(document);
        return json.RootElement.GetProperty("paths").EnumerateObject()
            .SelectMany(path => path.Value.EnumerateObject()
                .Where(op => op.Name is "get" or "post" or "put" or "patch" or "delete")
                .Select(op => new ApiOperation(op.Name.ToUpperInvariant(), path.Name,
                    op.Value.GetProperty("responses").EnumerateObject()
                        .Select(r => int.TryParse(r.Name, out var code) ? code : 0)
                        .Where(code => code is >= 200 and < 300).ToList())))
            .ToList();
    }

    /// <summary>The operation a concrete request (path without query) calls; literal segments beat placeholders.</summary>
    public static ApiOperation? Match(IEnumerable<ApiOperation> operations, string method, string path) =>
        operations.Where(o => o.Method == method && o.Pattern.IsMatch(path)).MinBy(o => o.Placeholders);
}
