using Marten;
using Marten.Events.Daemon.Coordination;
using Tracker.Projections;

namespace Tracker.Host.Integrations;

/// <summary>
/// Restarts the integration relay when it has stopped moving while events wait below the high-water mark. Seen after a
/// PostgreSQL crash: the daemon met ProgressionProgressOutOfOrderException on the relay's progress row and left the
/// subscription stopped until the host restarted. Restarting the agent reloads its progress from the database; since
/// deliveries commit with that progress, nothing is skipped and at most a page is redelivered.
/// </summary>
public sealed class RelayWatchdog(IDocumentStore store, IProjectionCoordinator coordinator, IntegrationOptions options,
    ILogger<RelayWatchdog> log) : BackgroundService
{
    private const string Shard = IntegrationRelay.Name + ":All";

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        long lastProgress = -1;
        var since = DateTime.UtcNow;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(options.RelayCheckInterval, stoppingToken);
                var (progress, mark) = await ReadAsync(stoppingToken);
                if (progress >= mark || progress != lastProgress)
                {
                    lastProgress = progress;
                    since = DateTime.UtcNow;
                    continue;
                }
                if (DateTime.UtcNow - since < options.RelayStallAfter) continue;

                log.LogWarning("Integration relay stuck at {Progress} below high-water mark {Mark} for {Stall}; restarting it", progress, mark, DateTime.UtcNow - since);
                var daemon = coordinator.DaemonForMainDatabase();
                await daemon.StopAgentAsync(Shard);
                await daemon.StartAgentAsync(Shard, stoppingToken);
                since = DateTime.UtcNow;
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested) { return; }
            catch (Exception e)
            {
                log.LogWarning(e, "Integration relay check failed; trying again");
            }
        }
    }

    private async Task<(long Progress, long Mark)> ReadAsync(CancellationToken ct)
    {
        await using var session = store.QuerySession();
        var rows = await session.AdvancedSql.QueryAsync<long>(
            $"select coalesce((select last_seq_id from {TrackerStore.Schema}.mt_event_progression where name = ?), 0) " +
            $"union all select coalesce((select last_seq_id from {TrackerStore.Schema}.mt_event_progression where name = 'HighWaterMark'), 0)", ct, Shard);
        return (rows[0], rows[1]);
    }
}
