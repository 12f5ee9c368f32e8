using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Wolverine;
using Wolverine.Postgresql;

namespace Tracker.Samples.QueueSubscriber;

/// <summary>
/// A Wolverine application that consumes Tracker's PostgreSQL transport queue (Tracker runs with
/// <c>Tracker:Integrations:TransportQueue=tracker_events</c>). It keeps its own envelope tables in its own schema of
/// Tracker's database and reads the queue from Wolverine's transport schema there.
/// </summary>
public static class SubscriberApp
{
    public const string ConnectionKey = "ConnectionStrings:Tracker";
    public const string QueueKey = "Tracker:Queue";
    public const string SchemaKey = "Tracker:SubscriberSchema";

    public static IHost Build(string[] args, Action<HostApplicationBuilder>? configure = null)
    {
        var builder = Host.CreateApplicationBuilder(args);
        configure?.Invoke(builder);
        var connection = builder.Configuration[ConnectionKey];
        if (string.IsNullOrWhiteSpace(connection))
            throw new InvalidOperationException($"Set {ConnectionKey} (ConnectionStrings__Tracker) to Tracker's database.");
        builder.Services.AddSingleton<ReceivedEvents>();
        builder.UseWolverine(opts =>
        {
            // Only this sample's handler: under a test runner the entry assembly is not this one.
            opts.Discovery.DisableConventionalDiscovery().IncludeType(typeof(TrackerCloudEventHandler));
            opts.UsePostgresqlPersistenceAndTransport(connection, builder.Configuration[SchemaKey] ?? "tracker_subscriber",
                transportSchema: "wolverine_queues");
            opts.ListenToPostgresqlQueue(builder.Configuration[QueueKey] ?? "tracker_events");
        });
        return builder.Build();
    }
}
