using Marten;
using Tracker.Projections;
using Wolverine.Runtime;
using Wolverine.Runtime.Agents;

namespace Tracker.Host.Integrations;

/// <summary>
/// Restarts the integration relay when this node runs it and it has stopped moving while events wait below the
/// high-water mark. Seen after a PostgreSQL crash: the daemon met ProgressionProgressOutOfOrderException on the relay's
/// progress row and paused the subscription. Wolverine restarts paused agents only for transient failures and treats
/// that one as "two nodes on one shard", which here it is not: the relay runs on one node and its progress row was
/// simply lost or written twice by the crash. Restarting the agent reloads its progress from the database; since
/// deliveries commit with that progress, nothing is skipped and at most a page is redelivered (deliveries are keyed
/// by subscription and event, so a redelivered page rewrites the same rows).
/// Only the agent this node owns is touched, through Wolverine's own agent: placement stays Wolverine's.
/// </summary>
public sealed class RelayWatchdog(IDocumentStore store, IWolverineRuntime runtime, IntegrationOptions options,
    ILogger<RelayWatchdog> log) : BackgroundService
{
    private const string Shard = IntegrationRelay.Name + ":All";
    private Uri? _relay;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        long lastProgress = -1;
        var since = DateTime.UtcNow;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(options.RelayCheckInterval, stoppingToken);
                if (LocalRelay() is not { } agent)
                {
                    lastProgress = -1;
                    continue;
                }
                var (progress, mark) = await ReadAsync(stoppingToken);
                if (progress >= mark || progress != lastProgress)
                {
                    lastProgress = progress;
                    since = DateTime.UtcNow;
                    continue;
                }
                if (DateTime.UtcNow - since < options.RelayStallAfter) continue;

                log.LogWarning("Integration relay stuck at {Progress} below high-water mark {Mark} for {Stall} ({Failure}); restarting it",
                    progress, mark, DateTime.UtcNow - since, agent.Failure?.Category.ToString() ?? "no failure reported");
                await agent.StopAsync(stoppingToken);
                await agent.StartAsync(stoppingToken);
                since = DateTime.UtcNow;
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested) { return; }
            catch (Exception e)
            {
                log.LogWarning(e, "Integration relay check failed; trying again");
            }
        }
    }

    /// <summary>The relay's agent if Wolverine placed it on this node. Its address is learnt while it runs, since a
    /// paused agent drops out of the running list but stays registered under the same address.</summary>
    private IEventSubscriptionAgent? LocalRelay()
    {
        _relay ??= runtime.Agents.AllRunningAgentUris().FirstOrDefault(IsRelay);
        return _relay is not null && runtime.Agents.TryFindActiveAgent<IEventSubscriptionAgent>(_relay, out var agent) ? agent : null;
    }

    public static bool IsRelay(Uri agent) =>
        agent.Scheme == "event-subscriptions" && agent.AbsolutePath.EndsWith($"/{IntegrationRelay.Name}/all", StringComparison.OrdinalIgnoreCase);

    private async Task<(long Progress, long Mark)> ReadAsync(CancellationToken ct)
    {
        await using var session = store.QuerySession();
        var rows = await session.AdvancedSql.QueryAsync<long>(
            $"select coalesce((select last_seq_id from {TrackerStore.Schema}.mt_event_progression where name = ?), 0) " +
            $"union all select coalesce((select last_seq_id from {TrackerStore.Schema}.mt_event_progression where name = 'HighWaterMark'), 0)", ct, Shard);
        return (rows[0], rows[1]);
    }
}
