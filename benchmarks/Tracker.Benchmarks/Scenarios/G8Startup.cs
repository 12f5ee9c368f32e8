using Tracker.Benchmarks.Data;
using Tracker.Benchmarks.Infra;

namespace Tracker.Benchmarks.Scenarios;

/// <summary>
/// Process start to first 200 in production mode: `dotnet Tracker.Host.dll` with ASPNETCORE_ENVIRONMENT=Production
/// against the benchmark's database, polled every 20 ms. Uses whatever codegen mode the Host build is configured for.
/// </summary>
public sealed class G8Startup : IScenario
{
    public string Id => "G8";
    public string Title => "process start to first 200 in production mode (GET /api/authorities/{a})";
    public string Baseline => "(absolute)";
    public string Unit => "s";
    public Goal Goal => new(GoalKind.AbsoluteBelow, 3.0, "< 3 s");

    public async Task<Measurement> RunTrackerAsync(BenchContext context, CancellationToken ct)
    {
        await using var host = await TrackerHostProcess.StartAsync(context.TrackerConnectionString, $"/api/authorities/{SyntheticDataset.StreamId(1)}", context.Options.HostEnvironment, ct);
        return new Measurement(host.StartToFirst200.TotalSeconds, new Dictionary<string, double> { ["rss_mb"] = host.PeakRssMb ?? double.NaN });
    }

    public Task<Measurement> RunBaselineAsync(BenchContext context, CancellationToken ct) => throw new NotSupportedException("absolute figure");
}
