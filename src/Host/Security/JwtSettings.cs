using Microsoft.IdentityModel.Tokens;

namespace Tracker.Host.Security;

/// <summary>The rules a JWT configuration must meet before the Host accepts any token.</summary>
public static class JwtSettings
{
    /// <summary>
    /// An identity provider (Authority) signs tokens for many applications: without an audience a token issued for
    /// another of them would be accepted here, and without an issuer any tenant the discovery document trusts could
    /// mint one. So both are required, and the Host refuses to start without them.
    /// </summary>
    public static void Check(IConfiguration jwt)
    {
        if (string.IsNullOrWhiteSpace(jwt["Authority"])) return;
        var missing = new[] { "Audience", "Issuer" }.Where(k => string.IsNullOrWhiteSpace(jwt[k])).ToList();
        if (missing.Count == 0) return;
        throw new InvalidOperationException(
            $"Tracker:Auth:Jwt:Authority is set ({jwt["Authority"]}), but {string.Join(" and ", missing.Select(k => $"Tracker:Auth:Jwt:{k}"))} " +
            "is not. Set the audience your identity provider puts in Tracker's tokens and the issuer it signs them as; " +
            "without them a token issued for another application would be accepted.");
    }

    /// <summary>
    /// Only the algorithms the configured keys are meant for: asymmetric RS256/ES256 from an identity provider, HS256
    /// for the shared test key. Pinning them rules out "none" and key-confusion attacks (an RSA public key used as an
    /// HMAC secret), whatever the token's header asks for.
    /// </summary>
    public static string[] Algorithms(IConfiguration jwt) =>
    [
        .. string.IsNullOrWhiteSpace(jwt["Authority"]) ? [] : new[] { SecurityAlgorithms.RsaSha256, SecurityAlgorithms.EcdsaSha256 },
        .. string.IsNullOrWhiteSpace(jwt["SigningKey"]) ? [] : new[] { SecurityAlgorithms.HmacSha256 },
    ];
}
