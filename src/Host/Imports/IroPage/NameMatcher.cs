using System.Text.RegularExpressions;
using Tracker.Domain.Authorities;

namespace Tracker.Host.Imports.IroPage;

/// <summary>
/// Matches a heading's authority name to the register despite the page's spellings ("Bath &amp; North East Sommerset",
/// "London Borough of Bromley"): exact after normalising, else one unambiguous near-spelling. Anything else is unmatched, never guessed.
/// </summary>
public sealed partial class NameMatcher
{
    private readonly List<(string Key, string AuthorityId)> _names = [];

    public NameMatcher(IEnumerable<Authority> register)
    {
        foreach (var a in register.Where(a => a.IsCurrent || a.AbolishedOn is not null))
            foreach (var name in a.AlsoKnownAs.Append(a.Name))
                _names.Add((Normalise(name), a.Id));
    }

    /// <summary>Every authority whose name or alias is exactly this name after normalising (several across a reorganisation).</summary>
    public IReadOnlyList<string> Exact(string name)
    {
        var key = Normalise(name);
        return _names.Where(n => n.Key == key).Select(n => n.AuthorityId).Distinct().ToList();
    }

    public string? Match(string name)
    {
        var key = Normalise(name);
        var exact = _names.Where(n => n.Key == key).Select(n => n.AuthorityId).Distinct().ToList();
        if (exact.Count == 1) return exact[0];
        if (exact.Count > 1 || key.Length < 6) return null;

        var allowed = Math.Max(1, key.Length / 12);
        var near = _names.Select(n => (n.AuthorityId, Distance: Levenshtein(key, n.Key))).Where(n => n.Distance <= allowed).ToList();
        var best = near.Count == 0 ? -1 : near.Min(n => n.Distance);
        var candidates = near.Where(n => n.Distance == best).Select(n => n.AuthorityId).Distinct().ToList();
        return candidates.Count == 1 ? candidates[0] : null;
    }

    public static string Normalise(string name)
    {
        var text = name.ToLowerInvariant().Replace("&", " and ");
        text = Prefixes().Replace(text, "");
        text = NonAlphanumeric().Replace(text, " ");
        return string.Join(' ', text.Split(' ', StringSplitOptions.RemoveEmptyEntries));
    }

    private static int Levenshtein(string a, string b)
    {
        var previous = Enumerable.Range(0, b.Length + 1).ToArray();
        for (var i = 1; i <= a.Length; i++)
        {
            var current = new int[b.Length + 1];
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
                current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1));
            previous = current;
        }
        return previous[b.Length];
    }

    [GeneratedRegex(@"^\s*(?:the\s+)?(?:london borough of|royal borough of|borough of|city of|county of)\s+|\s+(?:council|county council|city council)\s*$")]
    private static partial Regex Prefixes();

    [GeneratedRegex("[^a-z0-9]+")]
    private static partial Regex NonAlphanumeric();
}
