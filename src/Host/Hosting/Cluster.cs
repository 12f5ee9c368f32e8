using Wolverine;
using Wolverine.Runtime;

namespace Tracker.Host.Hosting;

/// <summary>
/// Scale-out is Wolverine's: every Host node on the same PostgreSQL registers itself, one is elected leader, and the
/// leader assigns each async projection and subscription (the integration relay among them) to exactly one live node.
/// A node that stops sending heartbeats is declared stale and its agents go to the survivors. These are the timings of
/// that loop, under Tracker:Cluster; the defaults trade a little database chatter (a few queries per node every couple
/// of seconds) for a failover of seconds rather than Wolverine's default of more than a minute.
/// </summary>
public static class Cluster
{
    public static void ConfigureCluster(this WolverineOptions opts, IConfiguration configuration)
    {
        var section = configuration.GetSection("Tracker:Cluster");
        var d = opts.Durability;
        if (!section.GetValue("Join", true))
        {
            // A CLI run (import) writes through Marten and sends nothing: it must not register as a node, be handed the
            // relay or a projection, or compete with the service for the CPU it needs for the import.
            d.Mode = DurabilityMode.MediatorOnly;
            return;
        }
        // Heartbeat and leader's health sweep: a dead node is noticed on the first sweep after it goes stale.
        d.HealthCheckPollingTime = section.GetValue("HealthCheckPollingTime", TimeSpan.FromSeconds(2));
        d.FirstHealthCheckExecution = section.GetValue("FirstHealthCheckExecution", TimeSpan.FromSeconds(1));
        // Several missed heartbeats, so a long GC pause or a slow database does not move the relay needlessly.
        d.StaleNodeTimeout = section.GetValue("StaleNodeTimeout", TimeSpan.FromSeconds(10));
        // How often the leader compares what should run with what does, and each node restarts what it lost.
        d.CheckAssignmentPeriod = section.GetValue("CheckAssignmentPeriod", TimeSpan.FromSeconds(5));
        // Messages in the durable inbox/outbox of a dead node are taken over this often.
        d.NodeReassignmentPollingTime = section.GetValue("NodeReassignmentPollingTime", TimeSpan.FromSeconds(5));
    }

    public static IServiceCollection AddClusterNodeLog(this IServiceCollection services) => services.AddHostedService<NodeLog>();

    /// <summary>Names this node in the log, so an operator can match the wolverine_nodes and wolverine_node_assignments rows to a process.</summary>
    private sealed class NodeLog(IWolverineRuntime runtime, IHostApplicationLifetime lifetime, ILogger<NodeLog> log) : IHostedService
    {
        public Task StartAsync(CancellationToken cancellationToken)
        {
            lifetime.ApplicationStarted.Register(() =>
                log.LogInformation("Tracker node {NodeId} started in {Mode} mode", runtime.Options.UniqueNodeId, runtime.Options.Durability.Mode));
            return Task.CompletedTask;
        }

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
