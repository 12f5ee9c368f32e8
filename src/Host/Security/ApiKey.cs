using System.Security.Cryptography;
using System.Text;

namespace Tracker.Host.Security;

/// <summary>
/// An API key as stored: only the SHA-256 hash of the secret is kept. The key itself is shown once, at creation,
/// as <c>trk_&lt;id&gt;_&lt;secret&gt;</c>; the id lets a request find its record without an index on the hash.
/// </summary>
public sealed record ApiKey(string Id, string Name, Role Role, string Hash, DateTimeOffset CreatedAt, DateTimeOffset? RevokedAt = null)
{
    public const string Prefix = "trk_";

    public bool IsActive => RevokedAt is null;

    /// <summary>A new key with 256 bits of randomness; returns the record to store and the only copy of the secret.</summary>
    public static (ApiKey Record, string Secret) Create(string name, Role role, DateTimeOffset now)
    {
        var id = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(6));
        var secret = $"{Prefix}{id}_{Base64Url(RandomNumberGenerator.GetBytes(32))}";
        return (FromSecret(secret, name, role, now), secret);
    }

    /// <summary>The record for a known secret (tests and fixtures seed keys this way).</summary>
    public static ApiKey FromSecret(string secret, string name, Role role, DateTimeOffset now) =>
        new(IdOf(secret) ?? throw new ArgumentException("Not a Tracker API key.", nameof(secret)), name, role, HashOf(secret), now);

    /// <summary>The id part of a presented key, or null when it does not have the key's shape.</summary>
    public static string? IdOf(string presented)
    {
        if (!presented.StartsWith(Prefix, StringComparison.Ordinal)) return null;
        var rest = presented.AsSpan(Prefix.Length);
        var underscore = rest.IndexOf('_');
        return underscore is >= 4 and <= 32 && rest.Length - underscore > 16 ? rest[..underscore].ToString() : null;
    }

    public bool Matches(string presented) =>
        CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(HashOf(presented)), Encoding.ASCII.GetBytes(Hash));

    private static string HashOf(string secret) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(secret)));

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
