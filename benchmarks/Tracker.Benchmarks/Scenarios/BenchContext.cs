using System.Text.Json;
using Marten;
using Npgsql;
using Tracker.Benchmarks.Data;
using Tracker.Benchmarks.Infra;
using Tracker.Host.Hosting;

namespace Tracker.Benchmarks.Scenarios;

/// <summary>Everything a scenario needs for one dataset size; the Host and the bare server are started once per size.</summary>
public sealed class BenchContext(BenchOptions options, SyntheticDataset dataset, string connectionString, DocumentStore store, Action<string> log) : IAsyncDisposable
{
    private TrackerHostProcess? _host;
    private ChildProcess? _bare;
    private Uri? _bareAddress;
    private long _unique;

    public BenchOptions Options => options;
    public SyntheticDataset Dataset => dataset;
    /// <summary>The baseline's connection: plain.</summary>
    public string ConnectionString => connectionString;

    /// <summary>The Tracker side's connection: plain unless --tracker-connection-options adds Npgsql settings.</summary>
    public string TrackerConnectionString { get; } = options.TrackerConnectionOptions is { Length: > 0 } extra ? $"{connectionString};{extra}" : connectionString;
    public DocumentStore Store => store;
    public NpgsqlDataSource DataSource { get; } = NpgsqlDataSource.Create(connectionString);
    public Action<string> Log => log;
    public int Round { get; set; }
    public TimeSpan LoadDuration => TimeSpan.FromSeconds(options.Seconds);

    /// <summary>Writes per side per round: enough to measure, few enough that 5 rounds do not swamp a 10k dataset.</summary>
    public int WritesPerRound => Math.Clamp(dataset.Size / 2500 * 100, 400, 4000);

    public JsonSerializerOptions HttpJson { get; } = CreateHttpJson();

    public long NextUnique() => Interlocked.Increment(ref _unique);

    public string RandomStream(Random rng) => SyntheticDataset.StreamId(rng.Next(dataset.StreamCount));

    public int? HostPid => _host?.Pid;

    public int? BarePid => _bare?.Pid;

    private bool _schemaApplied;

    /// <summary>Runs the production Host's db-apply once per database, as a deployment does before starting nodes.</summary>
    public async Task EnsureSchemaAsync(CancellationToken ct)
    {
        if (_schemaApplied) return;
        await ProductionBuild.ApplySchemaAsync(TrackerConnectionString, ct);
        _schemaApplied = true;
    }

    public async Task<TrackerHostProcess> HostAsync(CancellationToken ct)
    {
        if (_host is not null) return _host;
        await EnsureSchemaAsync(ct);
        _host = await TrackerHostProcess.StartAsync(TrackerConnectionString, $"/api/authorities/{SyntheticDataset.StreamId(0)}", options.HostEnvironment, ct);
        log($"  Tracker Host started (pid {_host.Pid}, first 200 after {_host.StartToFirst200.TotalSeconds:N2} s)");
        return _host;
    }

    /// <summary>Stops the Host, as an operator does before a rebuild; the next <see cref="HostAsync"/> starts a new one.</summary>
    public async Task StopHostAsync()
    {
        if (_host is null) return;
        await _host.DisposeAsync();
        _host = null;
    }

    public async Task<Uri> BareServerAsync(CancellationToken ct)
    {
        if (_bareAddress is not null) return _bareAddress;
        _bare = ChildProcess.Start("bare", connectionString);
        _bareAddress = new Uri(await _bare.WaitForAsync("READY", log, ct));
        return _bareAddress;
    }

    private static JsonSerializerOptions CreateHttpJson()
    {
        var json = new JsonSerializerOptions(JsonSerializerDefaults.Web);
        Tracker.Host.Hosting.HttpJson.Configure(json);
        return json;
    }

    public async ValueTask DisposeAsync()
    {
        if (_host is not null) await _host.DisposeAsync();
        if (_bare is not null) await _bare.DisposeAsync();
        await DataSource.DisposeAsync();
    }
}
