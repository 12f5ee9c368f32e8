using Marten;
using Tracker.Host.Hosting;
using Wolverine.Runtime;

namespace Tracker.Host.Integrations;

/// <summary>
/// Restarts a stalled integration relay (<see cref="StalledAgentWatchdog"/>). Seen after a PostgreSQL crash: the daemon
/// met ProgressionProgressOutOfOrderException on the relay's progress row (lost or written twice by the crash) and
/// paused the subscription. Deliveries commit with the relay's progress, so nothing is skipped and at most a page is
/// redelivered (deliveries are keyed by subscription and event, so a redelivered page rewrites the same rows).
/// </summary>
public sealed class RelayWatchdog(IDocumentStore store, IWolverineRuntime runtime, IntegrationOptions options,
    ILogger<RelayWatchdog> log) : StalledAgentWatchdog(store, runtime, log)
{
    protected override string Name => IntegrationRelay.Name;
    protected override TimeSpan CheckInterval => options.RelayCheckInterval;
    protected override TimeSpan StallAfter => options.RelayStallAfter;
}
