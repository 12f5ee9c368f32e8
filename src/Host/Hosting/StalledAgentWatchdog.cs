using Marten;
using Tracker.Projections;
using Wolverine.Runtime;
using Wolverine.Runtime.Agents;

namespace Tracker.Host.Hosting;

/// <summary>
/// Restarts one async projection or subscription agent when this node runs it and it has stopped moving while events
/// wait below the high-water mark: Wolverine leaves an agent paused for good after a failure it treats as "two nodes on
/// one shard" (ProgressionProgressOutOfOrderException), which with Wolverine's placement it is not. Restarting reloads
/// the agent's progress from the database; its batches commit with that progress, so nothing is applied twice. Only the
/// agent this node owns is touched, through Wolverine's agent, so placement stays Wolverine's.
/// </summary>
public abstract class StalledAgentWatchdog(IDocumentStore store, IWolverineRuntime runtime, ILogger log) : BackgroundService
{
    private Uri? _agent;

    protected IDocumentStore Store => store;

    /// <summary>The projection or subscription name (its shard is <c>Name:All</c>).</summary>
    protected abstract string Name { get; }
    protected abstract TimeSpan CheckInterval { get; }
    protected abstract TimeSpan StallAfter { get; }

    /// <summary>Whether the agent is standing still on purpose (checked only once it looks stalled).</summary>
    protected virtual Task<bool> PausedOnPurposeAsync(CancellationToken ct) => Task.FromResult(false);

    private string Shard => Name + ":All";

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        long lastProgress = -1;
        var since = DateTime.UtcNow;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(CheckInterval, stoppingToken);
                if (LocalAgent() is not { } agent)
                {
                    lastProgress = -1;
                    continue;
                }
                var (progress, mark) = await ReadAsync(stoppingToken);
                if (progress >= mark || progress != lastProgress || await PausedOnPurposeAsync(stoppingToken))
                {
                    (lastProgress, since) = (progress, DateTime.UtcNow);
                    continue;
                }
                var stall = DateTime.UtcNow - since;
                if (stall < StallAfter) continue;

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

    /// <summary>The agent if Wolverine placed it on this node. Its address is learnt while it runs, since a paused agent
    /// drops out of the running list but stays registered under the same address.</summary>
    private IEventSubscriptionAgent? LocalAgent()
    {
        _agent ??= runtime.Agents.AllRunningAgentUris().FirstOrDefault(u => u.Scheme == "event-subscriptions"
            && u.AbsolutePath.EndsWith($"/{Name}/all", StringComparison.OrdinalIgnoreCase));
        return _agent is not null && runtime.Agents.TryFindActiveAgent<IEventSubscriptionAgent>(_agent, out var agent)
            ? agent : null;
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
