using System.Net;
using Tracker.IntegrationTests.Support;

namespace Tracker.IntegrationTests.Faults;

/// <summary>The keys CLI, run as the real Host process against the database a running host uses.</summary>
[Collection(OutageCollection.Name)]
[Trait("Category", "Slow")]
public sealed class KeysCommandTests(OutageFixture fixture)
{
    [Fact]
    public async Task A_key_created_by_the_cli_is_listed_works_at_once_and_stops_working_within_the_cache_lifetime_when_revoked()
    {
        var connection = fixture.Server.ConnectionString;
        var created = await HostProcess.RunCommandAsync(connection, "keys", "create", "cli-reader", "--role", "reader");
        var key = created.Split('\n').Select(l => l.Trim()).Single(l => l.StartsWith("trk_", StringComparison.Ordinal));
        var id = key.Split('_')[1];

        var listed = await HostProcess.RunCommandAsync(connection, "keys", "list");
        listed.ShouldContain(id);
        listed.ShouldContain("cli-reader");
        listed.ShouldNotContain(key, customMessage: "the secret is shown once, never listed");

        using var client = TrackerFixture.CreateClient(fixture.Host, key);
        (await client.GetAsync("/api/authorities/380")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await client.PostAsync("/api/authorities/380/findings", new StringContent("{}", System.Text.Encoding.UTF8, "application/json")))
            .StatusCode.ShouldBe(HttpStatusCode.Forbidden);

        await HostProcess.RunCommandAsync(connection, "keys", "revoke", id);
        // A node keeps an active key for Tracker:Auth:KeyCacheSeconds (1 s in tests) before it looks again.
        var revoked = await Eventually.GetAsync(() => client.GetAsync("/api/authorities/380"),
            r => r.StatusCode == HttpStatusCode.Unauthorized, TimeSpan.FromSeconds(5), "the revoked key to be refused");
        revoked.Headers.WwwAuthenticate.ToString().ShouldContain("invalid_token");
    }
}
