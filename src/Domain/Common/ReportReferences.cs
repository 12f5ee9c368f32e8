using System.Text.RegularExpressions;

namespace Tracker.Domain.Common;

/// <summary>
/// The form a report reference is hashed in, so that one report sent under two spellings of its URL is one fact.
/// </summary>
/// <remarks>
/// http and https, the host's case, a default port, a trailing slash and the order of query parameters do not change
/// which file Ofsted serves, so they must not change the fact id. An https URL with a lower-case host, no trailing
/// slash and its query already in order is returned as it is, which keeps the ids of facts recorded before this rule.
/// Anything that is not an http(s) URL (a page anchor, a file's sha256) is only whitespace-normalised, as before.
/// </remarks>
public static partial class ReportReferences
{
    public static string Canonical(string reference)
    {
        var text = FactIds.Normalise(reference);
        var match = UrlPattern().Match(text);
        if (!match.Success) return text;

        var host = match.Groups["host"].Value.ToLowerInvariant();
        if (host.EndsWith(":443", StringComparison.Ordinal) || host.EndsWith(":80", StringComparison.Ordinal))
            host = host[..host.LastIndexOf(':')];
        var path = match.Groups["path"].Value.TrimEnd('/');
        var query = match.Groups["query"].Value.Split('&', StringSplitOptions.RemoveEmptyEntries)
            .Order(StringComparer.Ordinal).ToList();
        var canonical = "https://" + host + path;
        if (query.Count > 0) canonical += "?" + string.Join('&', query);
        return canonical + match.Groups["fragment"].Value;
    }

    [GeneratedRegex(@"^https?://(?<host>[^/?#\s]+)(?<path>/[^?#]*)?(?:\?(?<query>[^#]*))?(?<fragment>#.*)?$",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex UrlPattern();
}
