using Alba;
using Marten;
using Microsoft.Extensions.DependencyInjection;
using Tracker.Host.Hosting;
using Tracker.IntegrationTests.Support;

namespace Tracker.IntegrationTests.Faults;

/// <summary>A host on a PostgreSQL server of its own, which the fault tests crash and restart.</summary>
public sealed class OutageFixture : IAsyncLifetime
{
    public EmbeddedPostgres Server { get; private set; } = null!;
    public IAlbaHost Host { get; private set; } = null!;
    public IDocumentStore Store => Host.Services.GetRequiredService<IDocumentStore>();

    public async Task InitializeAsync()
    {
        Server = await TestDatabase.StartOwnServerAsync("tracker_faults");
        Host = await TrackerFixture.StartHostAsync(Server.ConnectionString);
    }

    public async Task DisposeAsync()
    {
        await Host.DisposeAsync();
        await Server.DisposeAsync();
    }
}

[CollectionDefinition(Name)]
public sealed class OutageCollection : ICollectionFixture<OutageFixture>
{
    public const string Name = "faults";
}
