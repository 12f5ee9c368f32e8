using System.Security.Claims;

namespace Tracker.Host.Security;

/// <summary>What a caller may do. Each role includes the ones below it: reader &lt; writer &lt; admin.</summary>
public enum Role
{
    Reader = 1,
    Writer = 2,
    Admin = 3,
}

public static class Roles
{
    public const string ClaimType = "role";
    public const string NameClaimType = "name";

    public static bool TryParse(string? text, out Role role) =>
        Enum.TryParse(text, ignoreCase: true, out role) && Enum.IsDefined(role);

    /// <summary>The highest role among the caller's role claims (API keys carry one; a JWT may carry several).</summary>
    public static Role? Highest(ClaimsPrincipal user)
    {
        Role? best = null;
        foreach (var claim in user.FindAll(ClaimType).Concat(user.FindAll(ClaimTypes.Role)))
            if (TryParse(claim.Value, out var role) && (best is null || role > best)) best = role;
        return best;
    }

    public static bool Has(ClaimsPrincipal user, Role needed) =>
        user.Identity?.IsAuthenticated == true && Highest(user) is { } role && role >= needed;
}
