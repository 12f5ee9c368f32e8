using Alba;
using Marten;
using Marten.Events;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Tracker.Host.Hosting;

namespace Tracker.IntegrationTests.Support;

/// <summary>One Tracker host for the whole test assembly, on its own PostgreSQL. Tests reset data, not the host.</summary>
public sealed class TrackerFixture : IAsyncLifetime
{
    private EmbeddedPostgres? _server;

    public IAlbaHost Host { get; private set; } = null!;
    public string ConnectionString { get; private set; } = "";
    public IDocumentStore Store => Host.Services.GetRequiredService<IDocumentStore>();

    public async Task InitializeAsync()
    {
        (ConnectionString, _server) = await TestDatabase.StartAsync();
        Host = await StartHostAsync(ConnectionString);
    }

    /// <summary>A host on the given database with the test keys seeded; every Alba scenario sends the writer key unless it says otherwise.</summary>
    public static async Task<IAlbaHost> StartHostAsync(string connectionString, IDictionary<string, string>? settings = null,
        Action<IServiceCollection>? services = null)
    {
        var host = await AlbaHost.For<Program>(b =>
        {
            b.UseSetting("ConnectionStrings:Marten", connectionString);
            b.UseSetting("Tracker:SeedOnStartup", "true");
            b.UseSetting("Tracker:ImportBundledDataOnStartup", "false");
            // The webhook receiver runs on 127.0.0.1, and retries are short so dead letters appear within a test.
            b.UseSetting("Tracker:Integrations:AllowPrivateTargets", "true");
            b.UseSetting("Tracker:Integrations:FirstRetryDelay", "00:00:00.200");
            b.UseSetting("Tracker:Integrations:MaxRetryDelay", "00:00:01");
            b.UseSetting("Tracker:Integrations:RetryHorizon", "00:00:06");
            b.UseSetting("Tracker:Integrations:RequestTimeout", "00:00:05");
            b.UseSetting("Tracker:RateLimit:PermitsPerWindow", "1000000");
            b.UseSetting("Tracker:Auth:KeyCacheSeconds", "1");
            b.UseSetting("Tracker:Integrations:TransportQueue", "tracker_events");
            foreach (var (key, value) in settings ?? new Dictionary<string, string>()) b.UseSetting(key, value);
            b.ConfigureServices(s => s.InitializeMartenWith(new TestKeys()));
            if (services is not null) b.ConfigureTestServices(services);
        });
        host.BeforeEach(http => http.Request.Headers.Authorization = TestKeys.Bearer(TestKeys.Writer));
        return host;
    }

    /// <summary>An HttpClient on the in-process server, sending the writer key (or the given one; null for none).</summary>
    public HttpClient CreateClient(string? key = TestKeys.Writer) => CreateClient(Host, key);

    public static HttpClient CreateClient(IAlbaHost host, string? key = TestKeys.Writer)
    {
        var client = host.Server.CreateClient();
        if (key is not null) client.DefaultRequestHeaders.Authorization = new("Bearer", key);
        return client;
    }

    /// <summary>Deletes every event and document, then registers the authorities again (Marten re-runs initial data).</summary>
    /// <remarks>Messages left in the PostgreSQL transport's queues by earlier tests are purged too: nothing in the
    /// suite consumes `tracker_events`, so without this a subscriber test would first wade through every earlier event.</remarks>
    public async Task ResetAsync()
    {
        await Host.ResetAllMartenDataAsync();
        await using var connection = new Npgsql.NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        await using var purge = new Npgsql.NpgsqlCommand(
            "do $$ declare t record; begin " +
            "for t in select tablename from pg_tables where schemaname = 'wolverine_queues' loop " +
            "execute format('delete from wolverine_queues.%I', t.tablename); end loop; end $$;", connection);
        await purge.ExecuteNonQueryAsync();
    }

    public async Task DisposeAsync()
    {
        await Host.DisposeAsync();
        if (_server is not null) await _server.DisposeAsync();
    }
}

[CollectionDefinition(Name)]
public sealed class TrackerCollection : ICollectionFixture<TrackerFixture>
{
    public const string Name = "tracker";
}

/// <summary>Base for tests against the shared host: data is reset before each test.</summary>
[Collection(TrackerCollection.Name)]
public abstract class IntegrationTest(TrackerFixture fixture) : IAsyncLifetime
{
    protected TrackerFixture Fixture { get; } = fixture;
    protected IAlbaHost Host => Fixture.Host;

    public virtual Task InitializeAsync() => Fixture.ResetAsync();

    /// <summary>The national and regional pictures come from an async projection: wait until the daemon has caught up.</summary>
    protected Task ProjectionsCaughtUpAsync() => Host.WaitForNonStaleProjectionDataAsync(TimeSpan.FromSeconds(30));
    public virtual Task DisposeAsync() => Task.CompletedTask;
}
