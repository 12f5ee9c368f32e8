using System.Diagnostics;
using Marten;
using HostRebuild = Tracker.Host.Rebuilds.ProjectionRebuild;

namespace Tracker.Benchmarks.Infra;

public sealed record RebuildSummary(IReadOnlyList<HostRebuild.Summary> Projections, TimeSpan Elapsed);

/// <summary>
/// Rebuilds every projection through the product's own path (the Host's ProjectionRebuild, which the <c>rebuild</c>
/// command runs), so G4 measures what an operator gets. The store's registered projections are checked against the
/// ones that path knows, so a projection added to TrackerStore cannot silently drop out of the benchmark.
/// </summary>
public static class ProjectionRebuild
{
    public static IReadOnlyList<string> Names(IDocumentStore store) =>
        store.Options.Events.Projections().Select(p => p.Name).Distinct().ToList();

    public static async Task<RebuildSummary> RebuildAllAsync(IDocumentStore store, Action<string> log, CancellationToken ct)
    {
        var missing = Names(store).Except(Tracker.Projections.TrackerStore.RebuildableProjections).ToList();
        if (missing.Count > 0)
            throw new InvalidOperationException($"Registered but not rebuildable: {string.Join(", ", missing)}");
        var clock = Stopwatch.StartNew();
        var summaries = await HostRebuild.RunAsync(store, null, line => log("  " + line), ct);
        return new RebuildSummary(summaries, clock.Elapsed);
    }
}
