using System.Net.Http.Headers;
using Tracker.Benchmarks.Infra;
using Tracker.Domain.Common;

namespace Tracker.Benchmarks.Scenarios;

/// <summary>
/// The as-at national picture from the async GradePicture projection: closed-loop GETs of /api/national with a random
/// asOf (2013-2026) and a random judgement area per request, at <see cref="Connections"/> concurrent connections.
/// </summary>
public sealed class G6National : IScenario
{
    private const int Connections = 4;
    private static readonly DateOnly First = new(2013, 1, 1);
    private static readonly int Days = new DateOnly(2026, 12, 31).DayNumber - First.DayNumber + 1;

    public string Id => "G6";
    public string Title => $"GET /api/national?asOf=<random 2013-2026>&area=<random> over N events, {Connections} connections, p99 (ms)";
    public string Baseline => "(absolute)";
    public string Unit => "ms p99";
    public Goal Goal => new(GoalKind.AbsoluteBelow, 50, "< 50 ms");

    public async Task<Measurement> RunTrackerAsync(BenchContext context, CancellationToken ct)
    {
        var host = await context.HostAsync(ct);
        await G7ProjectionLag.CaughtUpAsync(context, host, ct);
        var rngs = Enumerable.Range(0, Connections).Select(i => new Random(HashCode.Combine(context.Options.Seed, context.Round, i, "G6"))).ToArray();
        HttpRequestMessage Request(int worker, long n)
        {
            var rng = rngs[worker];
            var asOf = First.AddDays(rng.Next(Days));
            // The areas the national picture counts (SIF and ILACS); the others are a 400 since issue 11.
            var area = JudgementAreas.National[rng.Next(JudgementAreas.National.Count)];
            var request = new HttpRequestMessage(HttpMethod.Get, $"/api/national?asOf={asOf:yyyy-MM-dd}&area={area}");
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", host.ApiKey);
            return request;
        }
        var result = await HttpLoad.RunAsync(host.BaseAddress, Connections, context.LoadDuration, Request, ct);
        // The same reads at a fixed rate (OpenRateFraction of what the closed model reached), latency from the intended
        // send time, so a stall is counted for every request due during it (extras open_*).
        var rate = result.PerSecond * G5ReadThroughput.OpenRateFraction;
        var open = await HttpLoad.RunOpenAsync(host.BaseAddress, rate, 4 * Connections, context.LoadDuration, Request, ct);
        // Failed requests are fast and would flatter the percentiles: a run with any is not a measurement.
        if (result.Failures + open.Failures > 0)
            throw new InvalidOperationException(
                $"G6: {result.Failures} of {result.Requests} closed and {open.Failures} of {open.Requests} open requests failed");
        var closed = result.Latencies.Summary();
        var extras = new Dictionary<string, double>(closed.Extras())
        {
            ["req_per_s"] = result.PerSecond, ["failed"] = result.Failures + open.Failures, ["open_rate_per_s"] = rate,
        };
        foreach (var (key, value) in open.Latencies.Summary().Extras("open_")) extras[key] = value;
        return new Measurement(closed.P99Ms, extras, result.Requests + open.Requests);
    }

    public Task<Measurement> RunBaselineAsync(BenchContext context, CancellationToken ct) => throw new NotSupportedException("G6 is absolute");
}
