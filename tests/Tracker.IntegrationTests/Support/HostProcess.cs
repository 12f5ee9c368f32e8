using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Tracker.IntegrationTests.Support;

/// <summary>The Tracker host run as a separate process, so a test can kill it with SIGKILL and start it again.</summary>
public sealed class HostProcess : IAsyncDisposable
{
    private readonly string _connectionString;
    private readonly IReadOnlyDictionary<string, string> _environment;
    private Process? _process;

    /// <param name="environment">Extra environment variables (e.g. <c>Tracker__ImportBundledDataOnStartup</c>), set last.</param>
    public HostProcess(string connectionString, IReadOnlyDictionary<string, string>? environment = null)
    {
        _connectionString = connectionString;
        _environment = environment ?? new Dictionary<string, string>();
        Port = FreePort();
    }

    public int Port { get; }

    /// <summary>How long a start may take; several nodes starting at once on two cores need longer than one.</summary>
    public TimeSpan StartTimeout { get; init; } = TimeSpan.FromSeconds(90);

    /// <summary>The last lines the process wrote, for the failure message when a test times out.</summary>
    public System.Collections.Concurrent.ConcurrentQueue<string> Output { get; } = new();

    public string Tail(int lines = 60) => string.Join(Environment.NewLine, Output.TakeLast(lines));

    private void Keep(string? line)
    {
        if (line is null) return;
        Output.Enqueue(line);
        while (Output.Count > 2000) Output.TryDequeue(out _);
    }
    public HttpClient Client { get; } = new() { Timeout = TimeSpan.FromSeconds(30) };
    public Uri BaseAddress => new($"http://127.0.0.1:{Port}");

    /// <summary>Starts the host and, the first time, makes an admin key with the real `keys create` command for <see cref="Client"/>
    /// (unless <paramref name="createKey"/> is false: the client then reads anonymously).</summary>
    public async Task StartAsync(bool createKey = true)
    {
        await StartProcessAsync();
        if (!createKey || Client.DefaultRequestHeaders.Authorization is not null) return;
        var output = await Faults.HostProcess.RunCommandAsync(_connectionString, "keys", "create", "integration-tests", "--role", "admin");
        var key = output.Split('\n').Select(l => l.Trim()).Single(l => l.StartsWith("trk_", StringComparison.Ordinal));
        Client.DefaultRequestHeaders.Authorization = new("Bearer", key);
    }

    private async Task StartProcessAsync()
    {
        var bin = Path.Combine(RepositoryRoot(), "src", "Host", "bin", "Debug", "net10.0");
        var start = new ProcessStartInfo("dotnet", [Path.Combine(bin, "Tracker.Host.dll"), "--urls", BaseAddress.ToString()])
        {
            WorkingDirectory = bin,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.Environment["ConnectionStrings__Marten"] = _connectionString;
        start.Environment["Tracker__ImportBundledDataOnStartup"] = "false";
        start.Environment["Tracker__Integrations__AllowPrivateTargets"] = "true";
        start.Environment["Tracker__Integrations__FirstRetryDelay"] = "00:00:00.200";
        start.Environment["Tracker__Integrations__MaxRetryDelay"] = "00:00:01";
        start.Environment["Tracker__Integrations__RetryHorizon"] = "00:05:00";
        start.Environment["Tracker__Integrations__RelayCheckInterval"] = "00:00:01";
        start.Environment["Tracker__Integrations__RelayStallAfter"] = "00:00:05";
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Development";
        foreach (var (name, value) in _environment) start.Environment[name] = value;
        _process = Process.Start(start)!;
        _process.OutputDataReceived += (_, e) => Keep(e.Data);
        _process.ErrorDataReceived += (_, e) => Keep(e.Data);
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
        await Eventually.GetAsync(async () =>
        {
            if (_process.HasExited) throw new InvalidOperationException($"The host exited with code {_process.ExitCode}.");
            try { return (await Client.GetAsync(new Uri(BaseAddress, "/api/authorities/380"))).StatusCode == HttpStatusCode.OK; }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException) { return false; } // not listening, or still starting
        }, ok => ok, StartTimeout, "the host process to answer");
    }

    /// <summary>SIGKILL: no shutdown hooks, no flushing; whatever was not committed is gone.</summary>
    public async Task KillAsync()
    {
        if (_process is null) return;
        _process.Kill(entireProcessTree: true);
        await _process.WaitForExitAsync();
        _process.Dispose();
        _process = null;
    }

    public async ValueTask DisposeAsync()
    {
        await KillAsync();
        Client.Dispose();
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static string RepositoryRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Tracker.sln"))) dir = dir.Parent;
        return dir?.FullName ?? throw new InvalidOperationException("Tracker.sln not found above the test binaries.");
    }
}
