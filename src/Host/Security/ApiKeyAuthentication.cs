using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace Tracker.Host.Security;

/// <summary>Authenticates <c>Authorization: Bearer trk_…</c> against the stored hashes; challenges with 401 and WWW-Authenticate.</summary>
public sealed class ApiKeyAuthentication(IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder, ApiKeyCache keys)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "api-key";
    public const string KeyIdClaim = "key_id";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var token = BearerToken(Request);
        // Health probes are anonymous and must not depend on the key store: liveness stays up while PostgreSQL is down.
        if (token is null || Request.Path.StartsWithSegments("/health")) return AuthenticateResult.NoResult();
        var id = ApiKey.IdOf(token);
        if (id is null) return AuthenticateResult.Fail("The bearer token is not a Tracker API key.");

        var key = await keys.FindActiveAsync(id, Context.RequestAborted);
        if (key is null || !key.Matches(token)) return AuthenticateResult.Fail("Unknown or revoked API key.");

        var identity = new ClaimsIdentity(
            [new Claim(Roles.NameClaimType, $"key:{key.Name}"), new Claim(Roles.ClaimType, key.Role.ToString().ToLowerInvariant()), new Claim(KeyIdClaim, key.Id)],
            SchemeName, Roles.NameClaimType, Roles.ClaimType);
        return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), SchemeName));
    }

    protected override Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        Response.StatusCode = StatusCodes.Status401Unauthorized;
        Response.Headers.WWWAuthenticate = BearerToken(Request) is null
            ? "Bearer realm=\"tracker\""
            : "Bearer realm=\"tracker\", error=\"invalid_token\"";
        return Task.CompletedTask;
    }

    public static string? BearerToken(HttpRequest request)
    {
        var header = request.Headers.Authorization.ToString();
        return header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) && header.Length > 7 ? header[7..].Trim() : null;
    }
}
