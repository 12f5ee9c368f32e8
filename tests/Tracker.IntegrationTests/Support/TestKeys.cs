using Marten;
using Marten.Schema;
using Tracker.Host.Security;

namespace Tracker.IntegrationTests.Support;

/// <summary>API keys with known secrets, stored (as hashes) whenever Marten's data is reset, like the authority register.</summary>
public sealed class TestKeys : IInitialData
{
    public const string Reader = "trk_testreader_r0123456789abcdefghijklmnopqrstuv";
    public const string Writer = "trk_testwriter_w0123456789abcdefghijklmnopqrstuv";
    public const string Admin = "trk_testadmin_a0123456789abcdefghijklmnopqrstuv";
    public const string Revoked = "trk_testrevoked_x0123456789abcdefghijklmnopqrstuv";

    public static string Bearer(string key) => $"Bearer {key}";

    public async Task Populate(IDocumentStore store, CancellationToken cancellation)
    {
        var now = DateTimeOffset.UtcNow;
        await using var session = store.LightweightSession();
        session.Store(
            ApiKey.FromSecret(Reader, "test-reader", Role.Reader, now),
            ApiKey.FromSecret(Writer, "test-writer", Role.Writer, now),
            ApiKey.FromSecret(Admin, "test-admin", Role.Admin, now),
            ApiKey.FromSecret(Revoked, "test-revoked", Role.Admin, now) with { RevokedAt = now });
        await session.SaveChangesAsync(cancellation);
    }
}
