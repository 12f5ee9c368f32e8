using Alba;
using Tracker.Host.Hosting;
using Tracker.IntegrationTests.Support;

namespace Tracker.IntegrationTests.Security;

/// <summary>A second host, on its own database, configured the strict way: no anonymous reads, JWT accepted, a low rate limit.</summary>
public sealed class StrictFixture : IAsyncLifetime
{
    public const string SigningKey = "strict-fixture-signing-key-0123456789-abcdefghij";
    public const int PermitsPerWindow = 12;
    public const string Audience = "tracker-api";
    private EmbeddedPostgres? _server;

    public IAlbaHost Host { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        (var connection, _server) = await TestDatabase.StartAsync("strict");
        Host = await TrackerFixture.StartHostAsync(connection, new Dictionary<string, string>
        {
            ["Tracker:Auth:AnonymousReads"] = "false",
            ["Tracker:Auth:Jwt:SigningKey"] = SigningKey,
            ["Tracker:Auth:Jwt:Issuer"] = "tracker-tests",
            ["Tracker:Auth:Jwt:Audience"] = Audience,
            ["Tracker:RateLimit:PermitsPerWindow"] = PermitsPerWindow.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Tracker:RateLimit:WindowSeconds"] = "600",
        });
    }

    public async Task DisposeAsync()
    {
        await Host.DisposeAsync();
        if (_server is not null) await _server.DisposeAsync();
    }
}

[CollectionDefinition(Name)]
public sealed class StrictCollection : ICollectionFixture<StrictFixture>
{
    public const string Name = "strict";
}
