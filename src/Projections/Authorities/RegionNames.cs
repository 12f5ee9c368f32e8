using Tracker.Domain.Authorities;

namespace Tracker.Projections.Authorities;

/// <summary>The one rule for naming a region in a query: its name, code (E12000007) or name's slug, ignoring case.</summary>
public static class RegionNames
{
    public static bool Matches(string? name, string? code, string query) =>
        string.Equals(name, query, StringComparison.OrdinalIgnoreCase)
        || string.Equals(code, query, StringComparison.OrdinalIgnoreCase)
        || string.Equals(Slugs.Of(name ?? ""), query, StringComparison.OrdinalIgnoreCase);

    public const string UnknownTitle = "Unknown region";

    public static string UnknownDetail(string region) =>
        $"No authority is in region '{region}'. " +
        "Use a region name (London), its code (E12000007) or slug (yorkshire-and-the-humber).";
}
