using System.Text.RegularExpressions;
using Tracker.Domain.Authorities;
using Tracker.Host.Imports.IroPage;

namespace Tracker.Host.Imports.Reports;

/// <summary>
/// The authority a report names on page 1 ("City of Bradford Metropolitan District Council", "Bradford Children and
/// Families Trust"), resolved through the register and its lineage: designations are dropped until the name matches,
/// and where a name fits several authorities across a reorganisation, the one that existed when the report's
/// fieldwork began (or it was published) is taken. Nothing else is guessed.
/// </summary>
public sealed partial class ReportAuthority(IReadOnlyList<Authority> register)
{
    private readonly NameMatcher _matcher = new(register);
    private readonly Dictionary<string, Authority> _byId = register.ToDictionary(a => a.Id);

    [GeneratedRegex(@"\b(?:children and families trust|children s services trust|metropolitan district council|" +
                    @"metropolitan borough council|metropolitan borough of|metropolitan district|borough council|" +
                    @"county council|city council|council|city of)\b", RegexOptions.IgnoreCase)]
    private static partial Regex Designation();

    public string? Resolve(string? printed, DateOnly? on)
    {
        if (string.IsNullOrWhiteSpace(printed)) return null;
        foreach (var name in new[] { printed, Designation().Replace(printed.Replace('’', ' ').Replace('\'', ' '), " ") })
        {
            var exact = _matcher.Exact(name);
            var living = on is { } date ? exact.Where(id => _byId[id].ExistedOn(date)).ToList() : [.. exact];
            if (living.Count == 1) return living[0];
            if (exact.Count == 0 && _matcher.Match(name) is { } near) return near;
        }
        return null;
    }
}
