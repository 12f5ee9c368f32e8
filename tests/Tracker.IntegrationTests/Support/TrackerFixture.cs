using Alba;
using Marten;
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
        Host = await AlbaHost.For<Program>(b =>
        {
            b.UseSetting("ConnectionStrings:Marten", ConnectionString);
            b.UseSetting("Tracker:SeedOnStartup", "true");
            b.UseSetting("Tracker:ImportBundledDataOnStartup", "false");
            // The webhook receiver runs on 127.0.0.1, and retries are short so dead letters appear within a test.
            b.UseSetting("Tracker:Integrations:AllowPrivateTargets", "true");
            b.UseSetting("Tracker:Integrations:FirstRetryDelay", "00:00:00.200");
            b.UseSetting("Tracker:Integrations:MaxRetryDelay", "00:00:01");
            b.UseSetting("Tracker:Integrations:RetryHorizon", "00:00:06");
            b.UseSetting("Tracker:Integrations:RequestTimeout", "00:00:05");
        });
    }

    /// <summary>Deletes every event and document, then registers the authorities again (Marten re-runs initial data).</summary>
    public Task ResetAsync() => Host.ResetAllMartenDataAsync();

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
    public virtual Task DisposeAsync() => Task.CompletedTask;
}
