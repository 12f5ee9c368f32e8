using System.Diagnostics;
using Marten;

namespace Tracker.Benchmarks.Infra;

public sealed record RebuildSummary(IReadOnlyList<string> Projections, TimeSpan Elapsed, TimeSpan DaemonStart);

/// <summary>
/// Rebuilds every projection registered in TrackerStore.ConfigureTracker through Marten's daemon rebuild API.
/// The list comes from the store, so a projection added there is benchmarked without touching this code.
/// </summary>
public static class ProjectionRebuild
{
    public static IReadOnlyList<string> Names(IDocumentStore store) =>
        store.Options.Events.Projections().Select(p => p.Name).Distinct().ToList();

    public static async Task<RebuildSummary> RebuildAllAsync(IDocumentStore store, Action<string> log, CancellationToken ct)
    {
        var names = Names(store);
        var clock = Stopwatch.StartNew();
        using var daemon = await store.BuildProjectionDaemonAsync();
        var daemonStart = clock.Elapsed;
        foreach (var name in names)
        {
            var one = Stopwatch.StartNew();
            await daemon.RebuildProjectionAsync(name, TimeSpan.FromHours(1), ct);
            log($"  rebuilt {name} in {one.Elapsed.TotalSeconds:N2} s");
        }
        return new RebuildSummary(names, clock.Elapsed, daemonStart);
    }
}
