using Marten;
using Tracker.Projections.National;
using Wolverine.Runtime;

namespace Tracker.Host.Hosting;

/// <summary>
/// Restarts a stalled GradePicture agent (<see cref="StalledAgentWatchdog"/>). Seen after <c>rebuild GradePicture
/// --force</c> beside a running node: the rebuild rewrites the shard's progress row and the node's agent then fails with
/// ProgressionProgressOutOfOrderException. While a rebuild runs (RebuildLock) the agent is left alone: the rebuild
/// resets the progress and writes it only at the end. Settings under Tracker:Daemon.
/// </summary>
public sealed class ProjectionWatchdog(IDocumentStore store, IWolverineRuntime runtime, IConfiguration configuration,
    ILogger<ProjectionWatchdog> log) : StalledAgentWatchdog(store, runtime, log)
{
    protected override string Name => GradePictureProjection.ProjectionName;
    protected override TimeSpan CheckInterval =>
        configuration.GetValue("Tracker:Daemon:WatchdogInterval", TimeSpan.FromSeconds(5));
    protected override TimeSpan StallAfter =>
        configuration.GetValue("Tracker:Daemon:RestartStalledAfter", TimeSpan.FromSeconds(30));

    protected override Task<bool> PausedOnPurposeAsync(CancellationToken ct) =>
        Rebuilds.RebuildLock.IsHeldAsync(Store, ct);
}
