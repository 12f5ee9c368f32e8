using System.Diagnostics;

namespace Tracker.Benchmarks.Infra;

public sealed record LoadResult(long Requests, long Failures, TimeSpan Elapsed, double P50Ms, double P99Ms)
{
    public double PerSecond => Requests / Elapsed.TotalSeconds;
}

/// <summary>
/// A closed-loop HTTP load generator on 127.0.0.1 (wrk-like): <c>connections</c> workers, each sending its next request
/// as soon as the previous one answered, for a fixed time after a short warm-up. Latencies are per request.
/// </summary>
public static class HttpLoad
{
    public static async Task<LoadResult> RunAsync(Uri baseAddress, int connections, TimeSpan duration,
        Func<int, long, HttpRequestMessage> request, CancellationToken ct)
    {
        using var handler = new SocketsHttpHandler { MaxConnectionsPerServer = connections, PooledConnectionLifetime = Timeout.InfiniteTimeSpan };
        using var http = new HttpClient(handler) { BaseAddress = baseAddress, Timeout = TimeSpan.FromSeconds(60) };

        await Loop(http, connections, TimeSpan.FromSeconds(Math.Min(1, duration.TotalSeconds / 3)), request, null, ct);
        var latencies = new List<double>[connections];
        for (var i = 0; i < connections; i++) latencies[i] = new List<double>(4096);
        var clock = Stopwatch.StartNew();
        var failures = await Loop(http, connections, duration, request, latencies, ct);
        var elapsed = clock.Elapsed;
        var all = latencies.SelectMany(l => l).ToArray();
        return new LoadResult(all.Length, failures, elapsed, Stats.Percentile(all, 50), Stats.Percentile(all, 99));
    }

    private static async Task<long> Loop(HttpClient http, int connections, TimeSpan duration,
        Func<int, long, HttpRequestMessage> request, List<double>[]? latencies, CancellationToken ct)
    {
        long failures = 0;
        var until = Stopwatch.GetTimestamp() + (long)(duration.TotalSeconds * Stopwatch.Frequency);
        var workers = Enumerable.Range(0, connections).Select(w => Task.Run(async () =>
        {
            for (long n = 0; Stopwatch.GetTimestamp() < until; n++)
            {
                var start = Stopwatch.GetTimestamp();
                using var message = request(w, n);
                using var response = await http.SendAsync(message, HttpCompletionOption.ResponseContentRead, ct);
                if (!response.IsSuccessStatusCode) Interlocked.Increment(ref failures);
                latencies?[w].Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
            }
        }, ct));
        await Task.WhenAll(workers);
        return failures;
    }
}
