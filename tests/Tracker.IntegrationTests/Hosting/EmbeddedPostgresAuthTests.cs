using Npgsql;
using Tracker.IntegrationTests.Support;

namespace Tracker.IntegrationTests.Hosting;

/// <summary>The embedded server trusts only its own socket folder: over TCP it wants the cluster's password.</summary>
public sealed class EmbeddedPostgresAuthTests(TrackerFixture fixture) : IntegrationTest(fixture)
{
    [Fact]
    public async Task A_tcp_connection_without_the_password_is_refused_and_with_it_accepted()
    {
        var withPassword = new NpgsqlConnectionStringBuilder(Fixture.ConnectionString) { Pooling = false };
        withPassword.Password.ShouldNotBeNullOrEmpty("the embedded server issues a password");
        var without = new NpgsqlConnectionStringBuilder(withPassword.ConnectionString) { Password = null };

        await using (var ok = new NpgsqlConnection(withPassword.ConnectionString)) await ok.OpenAsync();
        await using var refused = new NpgsqlConnection(without.ConnectionString);
        await Should.ThrowAsync<NpgsqlException>(() => refused.OpenAsync());
    }
}
