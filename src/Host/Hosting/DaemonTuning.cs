using Marten;

namespace Tracker.Host.Hosting;

/// <summary>
/// The async daemon's settings an operator may change, under Tracker:Daemon. Defaults are Marten's, which the
/// reliability tests prove (docs/operations.md): a transaction that holds an event sequence open is waited out, not
/// skipped, however long it stays open, because Marten checks PostgreSQL's transaction evidence before skipping a gap.
/// </summary>
public static class DaemonTuning
{
    public static void Apply(StoreOptions opts, IConfiguration configuration)
    {
        var section = configuration.GetSection("Tracker:Daemon");
        // How long a sequence gap may stay before the daemon considers skipping it (a rolled-back append). A gap a live
        // transaction could still fill is held whatever this says; tests shorten it to prove exactly that.
        if (section.GetValue<TimeSpan?>("StaleSequenceThreshold") is { } stale) opts.Projections.StaleSequenceThreshold = stale;
        // LISTEN/NOTIFY wakes the daemon on every append; off, it polls (250 ms busy, 1 s idle).
        opts.Events.UseListenNotifyForEventAppends = section.GetValue("ListenNotify", opts.Events.UseListenNotifyForEventAppends);
    }
}
