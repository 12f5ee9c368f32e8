using System.Reflection;
using System.Text.RegularExpressions;
using System.Xml.Linq;

namespace Tracker.Host.Hosting.OpenApi;

/// <summary>
/// The endpoints' <c>summary</c> comments, read from the documentation file the Host build writes beside its
/// assembly. Wolverine does not pass them to the OpenAPI document, so without this every summary is the route.
/// </summary>
public static partial class XmlDocs
{
    private static readonly Lazy<IReadOnlyDictionary<string, string>> Summaries = new(Load);

    public static string? Summary(MethodInfo method) =>
        method.DeclaringType is { } type
        && Summaries.Value.TryGetValue($"M:{type.FullName?.Replace('+', '.')}.{method.Name}", out var text)
            ? text
            : null;

    /// <summary>The first sentence, for the one-line summary; the whole text becomes the description.</summary>
    public static string FirstSentence(string text) => SentenceEnd().Match(text) is { Success: true } m ? text[..m.Index] + "." : text;

    private static Dictionary<string, string> Load()
    {
        var file = Path.ChangeExtension(typeof(XmlDocs).Assembly.Location, ".xml");
        var found = new Dictionary<string, string>();
        if (!File.Exists(file)) return found;
        foreach (var member in XDocument.Load(file).Descendants("member"))
        {
            var name = (string?)member.Attribute("name");
            if (name is null || !name.StartsWith("M:", StringComparison.Ordinal) || member.Element("summary") is not { } summary)
                continue;
            // Overloads share the key; endpoints are not overloaded, so the first one is kept.
            found.TryAdd(name.Split('(')[0], Text(summary));
        }
        return found;
    }

    private static string Text(XElement summary)
    {
        var parts = summary.Nodes().Select(n => n switch
        {
            XText t => t.Value,
            XElement { Name.LocalName: "see" } e => ((string?)e.Attribute("cref") ?? "").Split('.', ':').Last(),
            XElement { Name.LocalName: "paramref" or "typeparamref" } e => (string?)e.Attribute("name") ?? "",
            XElement e => e.Value,
            _ => "",
        });
        return Whitespace().Replace(string.Concat(parts), " ").Trim();
    }

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();

    // "e.g." and "i.e." do not end a sentence.
    [GeneratedRegex(@"(?<!e\.g|i\.e)[.:;](\s|$)")]
    private static partial Regex SentenceEnd();
}
