using Tracker.Benchmarks.Infra;

namespace Tracker.Benchmarks.Scenarios;

/// <summary>
/// Read throughput at 16 connections: the current-grade read model against a bare one-row read. Each side runs twice:
/// closed model (16 connections back to back: the throughput figure) and open model at a fixed rate, the same for
/// both sides, of <see cref="OpenRateFraction"/> of the baseline's closed throughput in the size's first round. The
/// open model's latencies run from each request's intended send time, so a stall is not hidden by the clients
/// waiting it out (coordinated omission); its p99 is the one the goal's "p99 &lt; 10 ms" is judged on.
/// </summary>
public sealed class G5ReadThroughput : IScenario
{
    private const int Connections = 16;
    /// <summary>The goal asks Tracker for 0.80 of the baseline's throughput: at that rate it must also keep p99.</summary>
    public const double OpenRateFraction = 0.8;
    /// <summary>Connections the open model may open; requests beyond them wait in the client, and that wait counts.</summary>
    private const int OpenMaxConnections = 64;

    // The runner creates the scenarios once per size, so this is the rate of the size being run.
    private double? _openRate;

    public static string TrackerPath(string authority) => $"/api/authorities/{authority}/current";

    public string Id => "G5";
    public string Title => $"GET {TrackerPath("{a}")} throughput at 16 connections (closed model); latency also in an " +
                           $"open model at {OpenRateFraction:P0} of the baseline's closed throughput (open_*)";
    public string Baseline => "bare Kestrel endpoint (separate process) doing one indexed Npgsql row read";
    public string Unit => "req/s";
    public Goal Goal => new(GoalKind.RatioAtLeast, 0.80, "≥ 0.80, p99 < 10 ms (open model's p99)");

    public async Task<Measurement> RunTrackerAsync(BenchContext context, CancellationToken ct)
    {
        var host = await context.HostAsync(ct);
        var closed = await ClosedAsync(context, host.BaseAddress, TrackerPath, ct);
        var rate = await OpenRateAsync(context, ct);
        return Measure(context, "Tracker", closed, rate, await OpenAsync(context, host.BaseAddress, TrackerPath, rate, ct));
    }

    public async Task<Measurement> RunBaselineAsync(BenchContext context, CancellationToken ct)
    {
        var bare = await context.BareServerAsync(ct);
        var closed = await ClosedAsync(context, bare, BarePath, ct);
        _openRate ??= closed.PerSecond * OpenRateFraction;
        return Measure(context, "baseline", closed, _openRate.Value, await OpenAsync(context, bare, BarePath, _openRate.Value, ct));
    }

    private static string BarePath(string id) => $"/row/{id}";

    /// <summary>The open rate; when Tracker runs before any baseline, the baseline's closed throughput is measured first.</summary>
    private async Task<double> OpenRateAsync(BenchContext context, CancellationToken ct)
    {
        if (_openRate is { } rate) return rate;
        var calibration = await ClosedAsync(context, await context.BareServerAsync(ct), BarePath, ct);
        context.Log($"    G5: open-model rate calibrated on the baseline: {calibration.PerSecond:N0} req/s closed");
        return (_openRate = calibration.PerSecond * OpenRateFraction).Value;
    }

    private static async Task<LoopResult> ClosedAsync(BenchContext context, Uri address, Func<string, string> path, CancellationToken ct)
    {
        var rngs = Enumerable.Range(0, Connections).Select(i => new Random(HashCode.Combine(context.Options.Seed, context.Round, i))).ToArray();
        return await HttpLoad.RunAsync(address, Connections, context.LoadDuration,
            (worker, _) => new HttpRequestMessage(HttpMethod.Get, path(context.RandomStream(rngs[worker]))), ct);
    }

    private static async Task<LoopResult> OpenAsync(BenchContext context, Uri address, Func<string, string> path, double rate,
        CancellationToken ct)
    {
        var rng = new Random(HashCode.Combine(context.Options.Seed, context.Round, "open"));
        return await HttpLoad.RunOpenAsync(address, rate, OpenMaxConnections, context.LoadDuration,
            (_, _) => new HttpRequestMessage(HttpMethod.Get, path(context.RandomStream(rng))), ct);
    }

    private static Measurement Measure(BenchContext context, string side, LoopResult closed, double rate, LoopResult open)
    {
        if (closed.Failures + open.Failures > 0)
            context.Log($"    G5 {side}: {closed.Failures} of {closed.Requests} closed and {open.Failures} of {open.Requests} open requests failed");
        var extras = new Dictionary<string, double>(closed.Latencies.Summary().Extras())
        {
            ["failed"] = closed.Failures + open.Failures,
            ["open_rate_per_s"] = rate,
            ["open_achieved_per_s"] = open.PerSecond,
            ["open_send_lag_p99_ms"] = open.SendLag?.PercentileMs(99) ?? double.NaN,
        };
        foreach (var (key, value) in open.Latencies.Summary().Extras("open_")) extras[key] = value;
        return new Measurement(closed.PerSecond, extras, closed.Requests + open.Requests);
    }
}
