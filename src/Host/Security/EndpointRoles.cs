using JasperFx;
using JasperFx.CodeGeneration;
using Microsoft.AspNetCore.Authorization;
using Wolverine.Http;

namespace Tracker.Host.Security;

/// <summary>
/// The one authorization rule, applied to every Wolverine HTTP endpoint (so new endpoints are covered without edits):
/// admin paths need admin; otherwise GET/HEAD need reader and every other method needs writer.
/// </summary>
public sealed class EndpointRoles : IHttpPolicy
{
    private static readonly string[] AdminPrefixes = ["/api/subscriptions", "/api/admin", "/api/keys", "/api/dead-letters", "/api/projections"];
    private static readonly string[] AdminSegments = ["dead-letters", "deadletters", "keys", "rebuild", "rebuilds"];

    public static Role For(IEnumerable<string> methods, string path)
    {
        var lower = path.ToLowerInvariant();
        var segments = lower.Split('/', StringSplitOptions.RemoveEmptyEntries);
        if (AdminPrefixes.Any(p => lower == p || lower.StartsWith(p + "/", StringComparison.Ordinal)) || segments.Any(AdminSegments.Contains))
            return Role.Admin;
        return methods.All(m => m is "GET" or "HEAD") ? Role.Reader : Role.Writer;
    }

    public void Apply(IReadOnlyList<HttpChain> chains, GenerationRules rules, IServiceContainer container)
    {
        foreach (var chain in chains)
            chain.Metadata.RequireAuthorization(PolicyName(For(chain.HttpMethods, "/" + (chain.RoutePattern?.RawText ?? "").TrimStart('/'))));
    }

    public static string PolicyName(Role role) => $"role:{role.ToString().ToLowerInvariant()}";

    public static void AddPolicies(AuthorizationOptions options, bool anonymousReads)
    {
        foreach (var role in Enum.GetValues<Role>())
            options.AddPolicy(PolicyName(role), policy => policy.RequireAssertion(ctx =>
                Roles.Has(ctx.User, role)
                // Anonymous reads: a caller with no credentials at all may read; one with bad credentials is still refused.
                || (role == Role.Reader && anonymousReads && ctx.Resource is HttpContext http && http.Request.Headers.Authorization.Count == 0)));
    }
}
