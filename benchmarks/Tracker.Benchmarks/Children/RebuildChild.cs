using System.Globalization;
using Tracker.Benchmarks.Infra;

namespace Tracker.Benchmarks.Children;

/// <summary>
/// <c>--child rebuild &lt;connection&gt;</c>: rebuilds every projection and prints
/// <c>RESULT seconds peakRssMb cpuSeconds name=seconds...</c> (each projection's own time; they run concurrently).
/// </summary>
public static class RebuildChild
{
    public static async Task<int> RunAsync(string connectionString)
    {
        await using var store = TrackerStoreFactory.Create(connectionString);
        var summary = await ProjectionRebuild.RebuildAllAsync(store, Console.WriteLine, CancellationToken.None);
        var rss = ProcessMemory.PeakRssMb(Environment.ProcessId) ?? double.NaN;
        var cpu = System.Diagnostics.Process.GetCurrentProcess().TotalProcessorTime.TotalSeconds;
        var each = string.Join(' ', summary.Projections.Select(p => FormattableString.Invariant($"{p.Projection}={p.Took.TotalSeconds:F3}")));
        Console.WriteLine(FormattableString.Invariant($"RESULT {summary.Elapsed.TotalSeconds:F4} {rss:F1} {cpu:F3} {each}"));
        return 0;
    }
}
