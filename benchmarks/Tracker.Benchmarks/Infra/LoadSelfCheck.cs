using System.Diagnostics;
using System.Globalization;

namespace Tracker.Benchmarks.Infra;

/// <summary>
/// <c>--self-check</c> (also run before every benchmark): proves on a fake server, without a database, that the open
/// model corrects coordinated omission and the closed model does not. The benchmark project is deliberately outside
/// Tracker.sln and CI, so this check lives with it instead of in tests/.
/// </summary>
public static class LoadSelfCheck
{
    private const double Rate = 500;
    private static readonly TimeSpan Duration = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan Stall = TimeSpan.FromMilliseconds(200);

    /// <summary>The failed expectations; empty when the load generator is sound.</summary>
    public static async Task<IReadOnlyList<string>> RunAsync(Action<string> log, CancellationToken ct)
    {
        var failures = new List<string>();
        void Expect(bool ok, string what) { if (!ok) failures.Add(what); }
        var expected = (long)(Rate * Duration.TotalSeconds);

        // 1. The server stops answering for 200 ms in the middle of the run (a GC pause, a lock, a checkpoint).
        var server = new StallingServer(TimeSpan.FromMilliseconds(400), Stall);
        var closed = await LoadLoops.ClosedAsync(1, Duration, (_, _) => server.AnswerAsync(ct), ct);
        server = new StallingServer(TimeSpan.FromMilliseconds(400), Stall);
        var open = await LoadLoops.OpenAsync(Rate, Duration, _ => server.AnswerAsync(ct), ct);
        log(Describe("server stall, closed", closed) + "; " + Describe("server stall, open", open));
        // About 100 requests were due during the stall; every one waited for its end, up to 200 ms.
        Expect(open.Requests == expected, $"open model answered {open.Requests} requests, not the {expected} scheduled");
        Expect(open.Latencies.PercentileMs(90) >= 40, "open model p90 under a 200 ms stall (~10% of requests) is below 40 ms");
        Expect(open.Latencies.PercentileMs(99) >= 150, "open model p99 under a 200 ms stall is below 150 ms");
        // The closed worker saw the stall once: one slow sample among hundreds, so its p99 hides it.
        Expect(closed.Latencies.PercentileMs(99) < 100, "closed model p99 reflects the stall (the check's premise is wrong)");

        // 2. This process stalls (blocked thread): the requests due meanwhile go out late and must count that wait.
        long calls = 0;
        var late = await LoadLoops.OpenAsync(Rate, Duration, async _ =>
        {
            if (Interlocked.Increment(ref calls) == (long)(Rate * 0.4)) Thread.Sleep(Stall); // blocks the scheduler
            await Task.Delay(1, ct);
            return true;
        }, ct);
        log(Describe("sender stall, open", late));
        Expect(late.Requests == expected, $"open model with a sender stall answered {late.Requests}, not {expected}");
        Expect(late.Latencies.PercentileMs(99) >= 150, "open model p99 after a 200 ms sender stall is below 150 ms: " +
                                                       "latency is measured from the actual send, not the intended one");
        return failures;
    }

    private static string Describe(string what, LoopResult r) => string.Create(CultureInfo.InvariantCulture,
        $"{what}: {r.Requests} requests, p50 {r.Latencies.PercentileMs(50):0.#} ms, " +
        $"p99 {r.Latencies.PercentileMs(99):0.#} ms, max {r.Latencies.MaxMs:0.#} ms");

    /// <summary>Answers after about 1 ms, except that a request arriving during the stall waits for its end.</summary>
    private sealed class StallingServer(TimeSpan stallAt, TimeSpan stall)
    {
        private readonly long _start = Stopwatch.GetTimestamp();

        public async Task<bool> AnswerAsync(CancellationToken ct)
        {
            var now = Stopwatch.GetElapsedTime(_start);
            if (now >= stallAt && now < stallAt + stall) await Task.Delay(stallAt + stall - now, ct);
            else await Task.Delay(1, ct);
            return true;
        }
    }
}
