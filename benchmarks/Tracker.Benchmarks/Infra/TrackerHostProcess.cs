using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Tracker.Benchmarks.Infra;

/// <summary>
/// The real Tracker Host in its own process, in production mode (pre-generated code, schema applied beforehand by
/// db-apply: see <see cref="ProductionBuild"/>), on 127.0.0.1, against the benchmark's database. Its start-up time to
/// the first 200 is G8; its memory is read from /proc.
/// </summary>
public sealed class TrackerHostProcess : IAsyncDisposable
{
    private readonly Process _process;

    private TrackerHostProcess(Process process, Uri baseAddress, TimeSpan startToFirst200, string apiKey)
    {
        _process = process;
        BaseAddress = baseAddress;
        StartToFirst200 = startToFirst200;
        ApiKey = apiKey;
    }

    /// <summary>A writer key made with the Host's own `keys create` command: writes are never anonymous.</summary>
    public string ApiKey { get; }

    public Uri BaseAddress { get; }
    public TimeSpan StartToFirst200 { get; }
    public int Pid => _process.Id;

    /// <summary>Starts the Host and polls <paramref name="probePath"/> until it answers 200.</summary>
    public static async Task<TrackerHostProcess> StartAsync(string connectionString, string probePath, IReadOnlyDictionary<string, string> environment, CancellationToken ct)
    {
        var port = FreePort();
        var baseAddress = new Uri($"http://127.0.0.1:{port}");
        var info = new ProcessStartInfo("dotnet") { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true,
            WorkingDirectory = ProductionBuild.Directory };
        info.ArgumentList.Add(ProductionBuild.HostDll);
        info.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        info.Environment["DOTNET_ENVIRONMENT"] = "Production";
        info.Environment["ASPNETCORE_URLS"] = baseAddress.ToString();
        info.Environment["ConnectionStrings__Marten"] = connectionString;
        info.Environment["Tracker__SeedOnStartup"] = "false";
        info.Environment["Tracker__ImportBundledDataOnStartup"] = "false";
        info.Environment["Tracker__RateLimit__PermitsPerWindow"] = "100000000";
        info.Environment["Logging__LogLevel__Default"] = "Warning";
        foreach (var (name, value) in environment) info.Environment[name] = value;

        var clock = Stopwatch.StartNew();
        var process = Process.Start(info) ?? throw new InvalidOperationException("Could not start the Host");
        var output = new System.Collections.Concurrent.ConcurrentQueue<string>();
        process.OutputDataReceived += (_, e) => { if (e.Data is not null && output.Count < 200) output.Enqueue(e.Data); };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null && output.Count < 200) output.Enqueue(e.Data); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        using var http = new HttpClient { BaseAddress = baseAddress, Timeout = TimeSpan.FromSeconds(30) };
        while (clock.Elapsed < TimeSpan.FromMinutes(2))
        {
            if (process.HasExited)
                throw new InvalidOperationException($"The Host exited ({process.ExitCode}) before answering:\n{string.Join('\n', output)}");
            try
            {
                using var response = await http.GetAsync(probePath, ct);
                if (response.StatusCode == HttpStatusCode.OK)
                    return new TrackerHostProcess(process, baseAddress, clock.Elapsed, await CreateKeyAsync(info, ct));
            }
            catch (HttpRequestException) { /* not listening yet */ }
            await Task.Delay(20, ct);
        }
        process.Kill(entireProcessTree: true);
        throw new TimeoutException($"The Host did not answer 200 on {probePath} within 2 minutes:\n{string.Join('\n', output)}");
    }

    private static async Task<string> CreateKeyAsync(ProcessStartInfo host, CancellationToken ct)
    {
        var info = new ProcessStartInfo("dotnet") { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true,
            WorkingDirectory = host.WorkingDirectory };
        foreach (var arg in new[] { ProductionBuild.HostDll, "keys", "create", "benchmark", "--role", "writer" }) info.ArgumentList.Add(arg);
        foreach (var (name, value) in host.Environment) info.Environment[name] = value;
        using var process = Process.Start(info) ?? throw new InvalidOperationException("Could not run keys create");
        var output = await process.StandardOutput.ReadToEndAsync(ct);
        await process.WaitForExitAsync(ct);
        return output.Split('\n').Select(l => l.Trim()).FirstOrDefault(l => l.StartsWith("trk_", StringComparison.Ordinal))
               ?? throw new InvalidOperationException($"keys create printed no key:\n{output}");
    }

    public double? PeakRssMb => ProcessMemory.PeakRssMb(_process.Id);

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public async ValueTask DisposeAsync()
    {
        if (_process.HasExited) { _process.Dispose(); return; }
        _process.Kill(entireProcessTree: true);
        await _process.WaitForExitAsync();
        _process.Dispose();
    }
}
