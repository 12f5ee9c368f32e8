using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Alba;
using Microsoft.Extensions.DependencyInjection;
using Tracker.Host.Hosting;
using Tracker.Host.Integrations.Webhooks;
using Tracker.IntegrationTests.Support;

namespace Tracker.IntegrationTests.Edge;

/// <summary>
/// A host configured as it sits on the edge of a network: one trusted proxy, a small per-address budget, private webhook
/// targets refused, few streams per caller, and a name resolver the tests control. Tests give each request its own
/// peer address (Alba's ConfigureHttpContext), so their address budgets do not mix.
/// </summary>
public sealed class EdgeFixture : IAsyncLifetime
{
    public const string TrustedProxy = "10.9.9.9";
    public const int AddressPermits = 6;
    public const int MaxStreams = 2;
    private EmbeddedPostgres? _server;
    private int _nextAddress;

    public IAlbaHost Host { get; private set; } = null!;
    public FakeResolver Resolver { get; } = new();

    /// <summary>A documentation-range address no other test has used.</summary>
    public IPAddress NewAddress() => IPAddress.Parse($"198.51.100.{Interlocked.Increment(ref _nextAddress)}");

    public async Task InitializeAsync()
    {
        (var connection, _server) = await TestDatabase.StartAsync("edge");
        Host = await TrackerFixture.StartHostAsync(connection, new Dictionary<string, string>
        {
            ["Tracker:ForwardedHeaders:KnownProxies:0"] = TrustedProxy,
            ["Tracker:RateLimit:AddressPermitsPerWindow"] = AddressPermits.ToString(CultureInfo.InvariantCulture),
            ["Tracker:RateLimit:WindowSeconds"] = "600",
            ["Tracker:Auth:UnknownKeyCacheSeconds"] = "600",
            ["Tracker:Integrations:AllowPrivateTargets"] = "false",
            ["Tracker:Integrations:MaxStreamsPerCaller"] = MaxStreams.ToString(CultureInfo.InvariantCulture),
            ["Tracker:Integrations:StreamPoll"] = "00:00:00.100",
        }, services => services.AddSingleton<IHostResolver>(Resolver));
    }

    public async Task DisposeAsync()
    {
        await Host.DisposeAsync();
        if (_server is not null) await _server.DisposeAsync();
    }
}

/// <summary>Names the test maps to addresses; any other name does not resolve, as with real DNS.</summary>
public sealed class FakeResolver : IHostResolver
{
    private readonly ConcurrentDictionary<string, IPAddress[]> _names = new(StringComparer.OrdinalIgnoreCase);

    public void Map(string host, params string[] addresses) => _names[host] = addresses.Select(IPAddress.Parse).ToArray();

    public Task<IPAddress[]> ResolveAsync(string host, CancellationToken ct) =>
        _names.TryGetValue(host, out var addresses)
            ? Task.FromResult(addresses)
            : Task.FromException<IPAddress[]>(new SocketException((int)SocketError.HostNotFound));
}

[CollectionDefinition(Name)]
public sealed class EdgeCollection : ICollectionFixture<EdgeFixture>
{
    public const string Name = "edge";
}
