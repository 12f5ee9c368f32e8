using System.Text.RegularExpressions;

namespace Tracker.Domain.Authorities;

/// <summary>
/// The one slug rule (authority and region names): registration writes slugs with it and reads match region slugs
/// with it, so a slug a client was given always finds its region again.
/// </summary>
public static partial class Slugs
{
    public static string Of(string name)
    {
        var text = name.Trim().ToLowerInvariant().Replace("&", " and ");
        return NonAlphanumeric().Replace(text, "-").Trim('-');
    }

    [GeneratedRegex("[^a-z0-9]+")]
    private static partial Regex NonAlphanumeric();
}
