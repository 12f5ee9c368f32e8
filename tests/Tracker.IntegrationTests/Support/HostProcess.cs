using System.Collections.Concurrent;
using Tracker.Testing;

namespace Tracker.IntegrationTests.Support;

/// <summary>The Tracker host run as a separate process, so a test can kill it with SIGKILL and start it again on the
/// same port. Only the defaults live here; <see cref="TrackerProcess"/> does the work.</summary>
public sealed class HostProcess : IAsyncDisposable
{
    private readonly string _connectionString;
    private readonly IReadOnlyDictionary<string, string> _environment;
    private TrackerProcess? _process;

    /// <param name="environment">Extra environment variables (e.g. <c>Tracker__ImportBundledDataOnStartup</c>),
    /// set last.</param>
    public HostProcess(string connectionString, IReadOnlyDictionary<string, string>? environment = null)
    {
        _connectionString = connectionString;
        _environment = environment ?? new Dictionary<string, string>();
        Port = TrackerProcess.FreePort();
    }

    public int Port { get; }

    /// <summary>How long a start may take; several nodes starting at once on two cores need longer than one.</summary>
    public TimeSpan StartTimeout { get; init; } = TimeSpan.FromSeconds(90);

    /// <summary>The last lines the process wrote, across restarts, for the failure message when a test times
    /// out.</summary>
    public ConcurrentQueue<string> Output { get; } = new();

    public string Tail(int lines = 60) => TrackerProcess.Tail(Output, lines);
    public HttpClient Client { get; } = new() { Timeout = TimeSpan.FromSeconds(30) };
    public Uri BaseAddress => new($"http://127.0.0.1:{Port}");

    /// <summary>Starts the host and, the first time, makes an admin key with the real `keys create` command for
    /// <see cref="Client"/> (unless <paramref name="createKey"/> is false: the client then reads
    /// anonymously).</summary>
    public async Task StartAsync(bool createKey = true)
    {
        var environment = new Dictionary<string, string>(Faults.HostProcess.Development(_connectionString))
        {
            ["Tracker__Integrations__AllowPrivateTargets"] = "true",
            ["Tracker__Integrations__FirstRetryDelay"] = "00:00:00.200",
            ["Tracker__Integrations__MaxRetryDelay"] = "00:00:01",
            ["Tracker__Integrations__RetryHorizon"] = "00:05:00",
            ["Tracker__Integrations__RelayCheckInterval"] = "00:00:01",
            ["Tracker__Integrations__RelayStallAfter"] = "00:00:05",
        };
        foreach (var (name, value) in _environment) environment[name] = value;
        var info = TrackerProcess.StartInfo(TrackerProcess.HostDll(), ["--urls", BaseAddress.ToString()], environment);
        _process = TrackerProcess.Start(info, BaseAddress, keepLines: 2000, Output);
        var probe = new Uri(BaseAddress, "/api/authorities/380");
        await _process.WaitForOkAsync(Client, probe, StartTimeout, TimeSpan.FromMilliseconds(100));
        if (!createKey || Client.DefaultRequestHeaders.Authorization is not null) return;
        // As before: the key is made with the fault suite's command environment, not this node's.
        var commands = Faults.HostProcess.Environment(_connectionString);
        var key = await TrackerProcess.CreateKeyAsync(TrackerProcess.HostDll(), commands, "integration-tests", "admin");
        Client.DefaultRequestHeaders.Authorization = new("Bearer", key);
    }

    /// <summary>SIGKILL: no shutdown hooks, no flushing; whatever was not committed is gone.</summary>
    public async Task KillAsync()
    {
        if (_process is null) return;
        await _process.DisposeAsync();
        _process = null;
    }

    public async ValueTask DisposeAsync()
    {
        await KillAsync();
        Client.Dispose();
    }
}
