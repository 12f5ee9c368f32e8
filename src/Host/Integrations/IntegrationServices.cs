using Marten;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Tracker.Host.Integrations.Webhooks;
using Wolverine;
using Wolverine.Marten;
using Wolverine.Postgresql;
using Wolverine.RabbitMQ;
using Wolverine.Runtime.Serialization;

namespace Tracker.Host.Integrations;

/// <summary>Wiring for the feed, the event stream, webhooks and the transport.</summary>
public static class IntegrationServices
{
    public const string WebhookQueue = "webhooks";

    public static IntegrationOptions AddIntegrations(this WebApplicationBuilder builder, MartenServiceCollectionExtensions.MartenConfigurationExpression marten)
    {
        // Checked here, not only at start: the transport queue's name is used while Wolverine is being configured.
        var options = Hosting.HostOptionsValidation.Checked(
            builder.Configuration.GetSection("Tracker:Integrations").Get<IntegrationOptions>() ?? new IntegrationOptions(),
            "Tracker:Integrations");
        builder.Services.AddSingleton(options);
        builder.Services.AddSingleton<CloudEventMapper>();
        builder.Services.AddSingleton<IntegrationTelemetry>();
        builder.Services.AddSingleton<EventFeed>();
        builder.Services.AddSingleton<WebhookSender>();
        builder.Services.AddSingleton<IHostResolver>(DnsHostResolver.Instance);
        builder.Services.AddSingleton<StreamSlots>();
        builder.Services.AddSingleton<EventBroadcast>();
        builder.Services.AddHostedService(s => s.GetRequiredService<EventBroadcast>());
        builder.Services.AddSingleton<WebhookSecrets>();
        // Signing secrets are encrypted at rest; the key ring is kept in PostgreSQL so every node can sign.
        builder.Services.AddDataProtection().SetApplicationName("tracker");
        builder.Services.AddSingleton<Microsoft.Extensions.Options.IConfigureOptions<KeyManagementOptions>>(services =>
            new Microsoft.Extensions.Options.ConfigureOptions<KeyManagementOptions>(o =>
                o.XmlRepository = new MartenXmlRepository(services.GetRequiredService<Marten.IDocumentStore>())));
        builder.Services.AddHostedService<PendingDeliverySweep>();
        builder.Services.AddHostedService<DeliveryRetention>();
        builder.Services.AddHostedService<RelayWatchdog>();
        // No AddAsyncDaemon: Wolverine runs the daemon (see Cluster.cs) and starts the relay on exactly one node. The
        // daemon on that node also keeps the high-water mark the feed stops at.
        marten.SubscribeToEventsWithServices<IntegrationRelay>(ServiceLifetime.Singleton);
        // A missing snapshot (a rebuild under way) clears on its own: classed as transient, the paused relay is
        // restarted by Wolverine's node agent after a while instead of waiting for an operator (or the watchdog).
        JasperFx.Events.Daemon.TransientFailures.AddClassifier(e => e is SnapshotMissingException ? true : null);
        return options;
    }

    public static void ConfigureIntegrations(this WolverineOptions opts, IntegrationOptions options)
    {
        // One pump at a time keeps each subscription's per-authority order without cross-message locking.
        opts.PublishMessage<PumpWebhooks>().ToLocalQueue(WebhookQueue);
        opts.LocalQueue(WebhookQueue).Sequential().UseDurableInbox();
        if (options.TransportEnabled)
            opts.PublishMessage<TransportEvent>().ToPostgresqlQueue(options.TransportQueue!)
                .DefaultSerializer(new SystemTextJsonSerializer(IntegrationJson.Copy()));
        if (string.IsNullOrWhiteSpace(options.RabbitMqUri)) return;
        // Optional and untested here (no broker on this machine): the same message, also fanned out over RabbitMQ.
        opts.UseRabbitMq(new Uri(options.RabbitMqUri)).AutoProvision();
        opts.PublishMessage<TransportEvent>().ToRabbitExchange(options.RabbitMqExchange)
            .DefaultSerializer(new SystemTextJsonSerializer(IntegrationJson.Copy()));
    }
}
