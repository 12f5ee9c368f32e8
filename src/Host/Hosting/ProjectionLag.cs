using System.Diagnostics.Metrics;
using JasperFx.Events.Projections;
using Marten;
using Marten.Storage;
using Tracker.Host.Integrations;
using Tracker.Projections.National;

namespace Tracker.Host.Hosting;

/// <summary>How far one async shard (or the high-water mark itself) is behind, and whether it counts as stalled.</summary>
public sealed record ShardLag(long Sequence, long Lag, bool Stalled);

/// <summary>The store's highest event sequence against the high-water mark and every async shard's progress.</summary>
public sealed record LagReport(long HighestSequence, long HighWaterMark, IReadOnlyDictionary<string, ShardLag> Shards)
{
    public bool AnyStalled => Shards.Values.Any(s => s.Stalled);
}

/// <summary>
/// Reads progress from the database (Marten's progression table through its API), not from this node's daemon, so
/// every node reports the same lags whichever node Wolverine placed a shard on. A shard is stalled when it is behind
/// and has not moved for Tracker:Health:MaxStalledSeconds, or has been more than Tracker:Health:MaxEventLag behind for
/// that long: catching up after an import is fine, a relay paused at a missing snapshot is not. The lags are also
/// the <c>tracker.projection.lag</c> gauge (meter "Tracker"), refreshed by <see cref="ProjectionLagPoller"/>.
/// </summary>
public sealed class ProjectionLagMonitor : IDisposable
{
    public const string MeterName = "Tracker";
    public const string HighWaterMarkShard = "HighWaterMark";

    /// <summary>Async shards expected to exist; a shard without a progress row yet counts as at zero.</summary>
    public static readonly string[] AsyncShards = [$"{GradePictureProjection.ProjectionName}:All", $"{IntegrationRelay.Name}:All"];

    private readonly IDocumentStore _store;
    private readonly IConfiguration _configuration;
    private readonly TimeProvider _clock;
    private readonly Meter _meter = new(MeterName);
    private readonly Dictionary<string, (long Sequence, DateTimeOffset Moved, DateTimeOffset? FarBehindSince)> _seen = new();
    private readonly Lock _lock = new();
    private LagReport? _latest;

    public ProjectionLagMonitor(IDocumentStore store, IConfiguration configuration, TimeProvider clock)
    {
        (_store, _configuration, _clock) = (store, configuration, clock);
        _meter.CreateObservableGauge("tracker.projection.lag", Measure, "{event}",
            "Events between the store's highest sequence and each async shard's progress (HighWaterMark: not yet safe to read).");
    }

    public LagReport? Latest => _latest;

    public async Task<LagReport> RefreshAsync(CancellationToken ct)
    {
        // The highest committed sequence, not the sequence's last value: a rolled-back append at the tail would
        // otherwise leave every shard looking behind (and stalled) on an idle store.
        var highest = await ((MartenDatabase)_store.Storage.Database).FetchMaxEventSequenceAsync(ct) ?? 0;
        var rows = await _store.Advanced.AllProjectionProgress(token: ct);
        var progress = rows.GroupBy(r => r.ShardName).ToDictionary(g => g.Key, g => g.Max(r => r.Sequence));
        var mark = progress.GetValueOrDefault(HighWaterMarkShard);
        // Thresholds are read on every refresh, so an operator (or a test) can tighten them without a restart.
        var maxLag = _configuration.GetValue("Tracker:Health:MaxEventLag", 1000L);
        var stallAfter = TimeSpan.FromSeconds(_configuration.GetValue("Tracker:Health:MaxStalledSeconds", 60.0));
        var names = progress.Keys.Union(AsyncShards).Order(StringComparer.Ordinal);
        var now = _clock.GetUtcNow();
        var shards = new Dictionary<string, ShardLag>();
        lock (_lock)
        {
            foreach (var name in names)
            {
                var sequence = progress.GetValueOrDefault(name);
                var lag = Math.Max(0, highest - sequence);
                var (last, moved, farSince) = _seen.GetValueOrDefault(name, (sequence, now, null));
                if (sequence != last || lag == 0) moved = now;
                farSince = lag > maxLag ? farSince ?? now : null;
                _seen[name] = (sequence, moved, farSince);
                var stalled = lag > 0 && now - moved > stallAfter || farSince is { } since && now - since > stallAfter;
                shards[name] = new ShardLag(sequence, lag, stalled);
            }
        }
        return _latest = new LagReport(highest, mark, shards);
    }

    private IEnumerable<Measurement<long>> Measure() => _latest is not { } report ? []
        : report.Shards.Select(s => new Measurement<long>(s.Value.Lag, new KeyValuePair<string, object?>("projection", s.Key)));

    public void Dispose() => _meter.Dispose();
}

/// <summary>Keeps the lag gauge current between health probes (and when nothing probes at all).</summary>
public sealed class ProjectionLagPoller(ProjectionLagMonitor monitor, IConfiguration configuration,
    ILogger<ProjectionLagPoller> log) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var every = TimeSpan.FromSeconds(configuration.GetValue("Tracker:Health:LagPollSeconds", 10.0));
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var report = await monitor.RefreshAsync(stoppingToken);
                foreach (var (name, shard) in report.Shards.Where(s => s.Value.Stalled))
                    log.LogWarning("{Shard} stalled at {Sequence}, {Lag} events behind", name, shard.Sequence, shard.Lag);
                await Task.Delay(every, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested) { return; }
            catch (Exception e)
            {
                // A database outage shows on /health/ready; here it only delays the next reading.
                log.LogDebug(e, "Reading projection progress failed");
                await Task.Delay(every, stoppingToken).ContinueWith(_ => { }, TaskScheduler.Default);
            }
        }
    }
}
