using Tracker.Testing;

namespace Tracker.Benchmarks.Infra;

/// <summary>
/// The real Tracker Host in its own process, in production mode (pre-generated code, schema applied beforehand by
/// db-apply: see <see cref="ProductionBuild"/>), on 127.0.0.1, against the benchmark's database. Its start-up time to
/// the first 200 is G8; its memory is read from /proc. Only the benchmark's defaults live here;
/// <see cref="TrackerProcess"/> (shared with the integration tests) does the work.
/// </summary>
public sealed class TrackerHostProcess : IAsyncDisposable
{
    private readonly TrackerProcess _process;

    private TrackerHostProcess(TrackerProcess process, TimeSpan startToFirst200, string apiKey)
    {
        _process = process;
        StartToFirst200 = startToFirst200;
        ApiKey = apiKey;
    }

    /// <summary>A writer key made with the Host's own `keys create` command: writes are never anonymous.</summary>
    public string ApiKey { get; }

    public Uri BaseAddress => _process.BaseAddress!;
    public TimeSpan StartToFirst200 { get; }
    public int Pid => _process.Pid;
    public double? PeakRssMb => ProcessMemory.PeakRssMb(_process.Pid);

    /// <summary>Starts the Host and polls <paramref name="probePath"/> until it answers 200.</summary>
    public static async Task<TrackerHostProcess> StartAsync(string connectionString, string probePath,
        IReadOnlyDictionary<string, string> environment, CancellationToken ct)
    {
        var baseAddress = new Uri($"http://127.0.0.1:{TrackerProcess.FreePort()}");
        var settings = new Dictionary<string, string>
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Production",
            ["DOTNET_ENVIRONMENT"] = "Production",
            ["ASPNETCORE_URLS"] = baseAddress.ToString(),
            ["ConnectionStrings__Marten"] = connectionString,
            ["Tracker__SeedOnStartup"] = "false",
            ["Tracker__ImportBundledDataOnStartup"] = "false",
            ["Tracker__RateLimit__PermitsPerWindow"] = "100000000",
            ["Logging__LogLevel__Default"] = "Warning",
        };
        foreach (var (name, value) in environment) settings[name] = value;
        var info = TrackerProcess.StartInfo(ProductionBuild.HostDll, [], settings);
        var process = TrackerProcess.Start(info, baseAddress, keepLines: 200);
        try
        {
            using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(30) };
            var first200 = await process.WaitForOkAsync(http, new Uri(baseAddress, probePath), TimeSpan.FromMinutes(2),
                TimeSpan.FromMilliseconds(20), ct);
            var key = await TrackerProcess.CreateKeyAsync(ProductionBuild.HostDll, settings, "benchmark", "writer", ct);
            return new TrackerHostProcess(process, first200, key);
        }
        catch
        {
            await process.DisposeAsync();
            throw;
        }
    }

    public ValueTask DisposeAsync() => _process.DisposeAsync();
}
