using Marten;
using Tracker.Projections;
using Tracker.Projections.National;
using Wolverine.Runtime;
using Wolverine.Runtime.Agents;

namespace Tracker.Host.Hosting;

/// <summary>
/// Restarts the GradePicture agent when this node runs it and it has stopped moving while events wait below the
/// high-water mark. Seen after <c>rebuild GradePicture --force</c> beside a running node: the rebuild rewrites the
/// shard's progress row, the node's agent then fails with ProgressionProgressOutOfOrderException, and Wolverine leaves it
/// paused for good ("a failure it cannot recover from by restarting", meant for two nodes on one shard, which Wolverine's
/// placement already rules out). Restarting reloads the progress the rebuild wrote; the failed batch was rolled back
/// with its progress, so nothing is applied twice. While a rebuild runs (RebuildLock) the agent is left alone. (The relay
/// has its own watchdog, RelayWatchdog.) Only the agent this
/// node owns is touched, through Wolverine's agent, so placement stays Wolverine's. Settings under Tracker:Daemon.
/// </summary>
public sealed class ProjectionWatchdog(IDocumentStore store, IWolverineRuntime runtime, IConfiguration configuration,
    ILogger<ProjectionWatchdog> log) : BackgroundService
{
    private const string Shard = GradePictureProjection.ProjectionName + ":All";
    private Uri? _agent;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        long lastProgress = -1;
        var since = DateTime.UtcNow;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(configuration.GetValue("Tracker:Daemon:WatchdogInterval", TimeSpan.FromSeconds(5)), stoppingToken);
                if (LocalAgent() is not { } agent)
                {
                    lastProgress = -1;
                    continue;
                }
                var (progress, mark) = await ReadAsync(stoppingToken);
                if (progress >= mark || progress != lastProgress)
                {
                    (lastProgress, since) = (progress, DateTime.UtcNow);
                    continue;
                }
                // A rebuild in progress (any process) resets the progress and writes it only at the end: not a stall.
                if (await Rebuilds.RebuildLock.IsHeldAsync(store, stoppingToken))
                {
                    since = DateTime.UtcNow;
                    continue;
                }
                var stall = DateTime.UtcNow - since;
                if (stall < configuration.GetValue("Tracker:Daemon:RestartStalledAfter", TimeSpan.FromSeconds(30))) continue;

                log.LogWarning("{Shard} stuck at {Progress} below high-water mark {Mark} for {Stall} ({Failure}); restarting it",
                    Shard, progress, mark, stall, agent.Failure?.Category.ToString() ?? "no failure reported");
                await agent.StopAsync(stoppingToken);
                await agent.StartAsync(stoppingToken);
                since = DateTime.UtcNow;
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested) { return; }
            catch (Exception e)
            {
                log.LogWarning(e, "{Shard} check failed; trying again", Shard);
            }
        }
    }

    /// <summary>The agent if Wolverine placed it on this node; its address is learnt while it runs, since a paused agent
    /// drops out of the running list but stays registered under the same address.</summary>
    private IEventSubscriptionAgent? LocalAgent()
    {
        _agent ??= runtime.Agents.AllRunningAgentUris().FirstOrDefault(u => u.Scheme == "event-subscriptions"
            && u.AbsolutePath.EndsWith($"/{GradePictureProjection.ProjectionName}/all", StringComparison.OrdinalIgnoreCase));
        return _agent is not null && runtime.Agents.TryFindActiveAgent<IEventSubscriptionAgent>(_agent, out var agent) ? agent : null;
    }

    private async Task<(long Progress, long Mark)> ReadAsync(CancellationToken ct)
    {
        await using var session = store.QuerySession();
        const string progression = TrackerStore.Schema + ".mt_event_progression";
        var rows = await session.AdvancedSql.QueryAsync<long>(
            $"select coalesce((select last_seq_id from {progression} where name = ?), 0) " +
            $"union all select coalesce((select last_seq_id from {progression} where name = 'HighWaterMark'), 0)", ct, Shard);
        return (rows[0], rows[1]);
    }
}
