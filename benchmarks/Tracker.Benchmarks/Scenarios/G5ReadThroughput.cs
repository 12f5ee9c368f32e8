using Tracker.Benchmarks.Infra;

namespace Tracker.Benchmarks.Scenarios;

/// <summary>Read throughput at 16 connections: the current-grade read model against a bare one-row read.</summary>
public sealed class G5ReadThroughput : IScenario
{
    private const int Connections = 16;

    public static string TrackerPath(string authority) => $"/api/authorities/{authority}/current";

    public string Id => "G5";
    public string Title => $"GET {TrackerPath("{a}")} throughput at 16 connections";
    public string Baseline => "bare Kestrel endpoint (separate process) doing one indexed Npgsql row read";
    public string Unit => "req/s";
    public Goal Goal => new(GoalKind.RatioAtLeast, 0.80, "≥ 0.80, p99 < 10 ms");

    public async Task<Measurement> RunTrackerAsync(BenchContext context, CancellationToken ct)
    {
        var host = await context.HostAsync(ct);
        return await LoadAsync(context, host.BaseAddress, TrackerPath, ct);
    }

    public async Task<Measurement> RunBaselineAsync(BenchContext context, CancellationToken ct) =>
        await LoadAsync(context, await context.BareServerAsync(ct), id => $"/row/{id}", ct);

    private static async Task<Measurement> LoadAsync(BenchContext context, Uri address, Func<string, string> path, CancellationToken ct)
    {
        var rngs = Enumerable.Range(0, Connections).Select(i => new Random(HashCode.Combine(context.Options.Seed, context.Round, i))).ToArray();
        var result = await HttpLoad.RunAsync(address, Connections, context.LoadDuration,
            (worker, _) => new HttpRequestMessage(HttpMethod.Get, path(context.RandomStream(rngs[worker]))), ct);
        if (result.Failures > 0) context.Log($"    G5: {result.Failures} of {result.Requests} requests failed");
        return new Measurement(result.PerSecond, new Dictionary<string, double> { ["p50_ms"] = result.P50Ms, ["p99_ms"] = result.P99Ms, ["failed"] = result.Failures }, result.Requests);
    }
}
