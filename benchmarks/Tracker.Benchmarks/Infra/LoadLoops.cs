using System.Diagnostics;

namespace Tracker.Benchmarks.Infra;

/// <summary>What one load run did: requests answered, failures, wall time and the latency histogram.</summary>
public sealed record LoopResult(long Requests, long Failures, TimeSpan Elapsed, Latencies Latencies,
    Latencies? SendLag = null)
{
    public double PerSecond => Requests / Elapsed.TotalSeconds;
}

/// <summary>
/// The two load models, over any asynchronous request (HTTP in <see cref="HttpLoad"/>, a fake server in
/// <see cref="LoadSelfCheck"/>). <c>send</c> answers whether the request succeeded.
/// </summary>
public static class LoadLoops
{
    /// <summary>
    /// Closed model (wrk-like): <paramref name="workers"/> loops, each sending its next request when the previous one
    /// answered. Latency is from the actual send. While the server stalls, the workers send nothing, so the requests
    /// a real client population would have sent in that time are never measured (coordinated omission): p99 reads low.
    /// </summary>
    public static async Task<LoopResult> ClosedAsync(int workers, TimeSpan duration,
        Func<int, long, Task<bool>> send, CancellationToken ct)
    {
        long failures = 0;
        var latencies = new Latencies();
        var start = Stopwatch.GetTimestamp();
        var until = start + (long)(duration.TotalSeconds * Stopwatch.Frequency);
        var loops = Enumerable.Range(0, workers).Select(w => Task.Run(async () =>
        {
            for (long n = 0; Stopwatch.GetTimestamp() < until && !ct.IsCancellationRequested; n++)
            {
                var sent = Stopwatch.GetTimestamp();
                if (!await SafeAsync(send(w, n))) Interlocked.Increment(ref failures);
                latencies.RecordSince(sent);
            }
        }, ct));
        await Task.WhenAll(loops);
        return new LoopResult(latencies.Count, failures, Stopwatch.GetElapsedTime(start), latencies);
    }

    /// <summary>
    /// Open model (wrk2-like): request n is due at start + n / rate, whatever happened to the earlier ones, and its
    /// latency runs from that INTENDED time to the answer. A request the server (or this process: GC, a starved core,
    /// the timer) could not start on time is counted with its wait, so coordinated omission is corrected. The
    /// scheduler sleeps in timer ticks (about 1 ms) and then sends everything due, so a send can be up to a tick
    /// late; that lateness is inside the latencies and reported on its own as <see cref="LoopResult.SendLag"/>.
    /// </summary>
    public static async Task<LoopResult> OpenAsync(double ratePerSecond, TimeSpan duration,
        Func<long, Task<bool>> send, CancellationToken ct)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(ratePerSecond);
        long failures = 0;
        var latencies = new Latencies();
        var lag = new Latencies();
        var total = (long)Math.Round(ratePerSecond * duration.TotalSeconds);
        var ticksPerRequest = Stopwatch.Frequency / ratePerSecond;
        var inFlight = new List<Task>();
        var start = Stopwatch.GetTimestamp();
        for (long n = 0; n < total && !ct.IsCancellationRequested; n++)
        {
            var intended = start + (long)(n * ticksPerRequest);
            var wait = Stopwatch.GetElapsedTime(Stopwatch.GetTimestamp(), intended);
            // Task.Delay rounds below 1 ms to no wait at all, which would spin a core the server needs.
            if (wait > TimeSpan.Zero) await Task.Delay(TimeSpan.FromTicks(Math.Max(wait.Ticks, TimeSpan.TicksPerMillisecond)), ct);
            lag.RecordSince(intended);
            inFlight.Add(OneAsync(n, intended));
        }
        await Task.WhenAll(inFlight);
        return new LoopResult(latencies.Count, failures, Stopwatch.GetElapsedTime(start), latencies, lag);

        async Task OneAsync(long n, long intended)
        {
            if (!await SafeAsync(send(n))) Interlocked.Increment(ref failures);
            latencies.RecordSince(intended);
        }
    }

    /// <summary>A request that threw (timeout, refused connection) is a failure with its latency, not a crash.</summary>
    private static async Task<bool> SafeAsync(Task<bool> request)
    {
        try { return await request; }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException or IOException) { return false; }
    }
}
