using System.Text;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.IdentityModel.Tokens;

namespace Tracker.Host.Security;

/// <summary>Authentication (API keys, optional JWT), the role policies, and refusal of credentials in URLs.</summary>
public static class TrackerSecurity
{
    private const string Selector = "bearer";
    private static readonly string[] CredentialParameters = ["api_key", "apikey", "api-key", "access_token"];

    public static WebApplicationBuilder AddTrackerSecurity(this WebApplicationBuilder builder)
    {
        var config = builder.Configuration.GetSection("Tracker:Auth");
        var jwt = config.GetSection("Jwt");
        var jwtConfigured = !string.IsNullOrWhiteSpace(jwt["Authority"]) || !string.IsNullOrWhiteSpace(jwt["SigningKey"]);
        // Checked here, at startup, not on the first token: a misconfigured node must not start and accept tokens.
        if (jwtConfigured) JwtSettings.Check(jwt);

        var auth = builder.Services.AddAuthentication(Selector)
            .AddPolicyScheme(Selector, "API key or JWT", o => o.ForwardDefaultSelector = http =>
                jwtConfigured && ApiKeyAuthentication.BearerToken(http.Request) is { } token && ApiKey.IdOf(token) is null
                    ? JwtBearerDefaults.AuthenticationScheme
                    : ApiKeyAuthentication.SchemeName)
            .AddScheme<AuthenticationSchemeOptions, ApiKeyAuthentication>(ApiKeyAuthentication.SchemeName, null);
        if (jwtConfigured)
            auth.AddJwtBearer(o =>
            {
                o.TokenValidationParameters.ValidAlgorithms = JwtSettings.Algorithms(jwt);
                o.MapInboundClaims = false;
                if (!string.IsNullOrWhiteSpace(jwt["Authority"])) o.Authority = jwt["Authority"];
                o.Audience = jwt["Audience"];
                o.TokenValidationParameters.NameClaimType = jwt["NameClaim"] ?? "sub";
                o.TokenValidationParameters.RoleClaimType = Roles.ClaimType;
                o.TokenValidationParameters.ValidateAudience = !string.IsNullOrWhiteSpace(jwt["Audience"]);
                if (!string.IsNullOrWhiteSpace(jwt["Issuer"])) o.TokenValidationParameters.ValidIssuer = jwt["Issuer"];
                else o.TokenValidationParameters.ValidateIssuer = !string.IsNullOrWhiteSpace(jwt["Authority"]);
                if (!string.IsNullOrWhiteSpace(jwt["SigningKey"]))
                    o.TokenValidationParameters.IssuerSigningKey = new SymmetricSecurityKey(Encoding.UTF8.GetBytes(jwt["SigningKey"]!));
            });

        builder.Services.AddSingleton<ApiKeyCache>();
        var anonymousReads = config.GetValue("AnonymousReads", true);
        builder.Services.AddAuthorization(o => EndpointRoles.AddPolicies(o, anonymousReads));
        return builder;
    }

    /// <summary>A key in a URL ends up in logs and browser history, so it is refused outright, even when valid.</summary>
    public static IApplicationBuilder UseTrackerSecurity(this IApplicationBuilder app)
    {
        app.Use(async (http, next) =>
        {
            var query = http.Request.Query;
            if (CredentialParameters.Any(query.ContainsKey) || query.Any(q => q.Value.Any(v => v?.StartsWith(ApiKey.Prefix, StringComparison.Ordinal) == true)))
            {
                await Results.Problem(statusCode: 400, title: "Credentials in the URL",
                    detail: "Send the API key as 'Authorization: Bearer <key>'; keys in the query string are never accepted.",
                    extensions: new Dictionary<string, object?> { ["code"] = "credentials_in_query" }).ExecuteAsync(http);
                return;
            }
            await next(http);
        });
        // Called here, inside the exception handler, so a key lookup during an outage is a 503 problem, not a crash.
        app.UseAuthentication();
        return app;
    }
}
