using JasperFx.Events;
using Marten;
using JasperFx;
using Tracker.Host.Authorities.Registration;
using Tracker.Host.Imports;
using Tracker.Projections;
using Wolverine;
using Wolverine.ErrorHandling;
using Wolverine.Http;
using Wolverine.Marten;
using Wolverine.Postgresql;
using Tracker.Domain.Common;
using Tracker.Projections.Trends;
using Scalar.AspNetCore;
using Tracker.Host.Integrations;
using Tracker.Host.Security;
using Tracker.Host.Writes;
using Tracker.Host.Imports.IroPage;
using Tracker.Host.Integrations.Webhooks;
using Tracker.Host.Dashboard;
using Tracker.Host.Hosting.OpenApi;

namespace Tracker.Host.Hosting;

public static class TrackerServices
{
    /// <summary>The durable PostgreSQL queue other services send commands to.</summary>
    public const string CommandQueue = "tracker_commands";

    public static WebApplicationBuilder AddTracker(this WebApplicationBuilder builder, string connectionString)
    {
        var services = builder.Services;
        services.AddSingleton(TimeProvider.System);

        var marten = services.AddMarten(opts =>
            {
                opts.Connection(ConnectionTuning.Apply(connectionString));
                opts.ConfigureTracker();
                // Host-side documents (keys, held import sections, webhooks): registered here so `db-apply` creates
                // their tables before a production node, which never changes the schema itself, first queries them.
                opts.Schema.For<ApiKey>();
                opts.Schema.For<ImportedSection>();
                opts.Schema.For<Tracker.Host.Imports.Evidence.ReportEvidence>();
                opts.Schema.For<WebhookSubscription>();
                opts.Schema.For<DataProtectionKeyDocument>();
                opts.Schema.For<WebhookDelivery>();
                opts.Schema.For<WebhookAttempt>();
                opts.OpenTelemetry.TrackEventCounters();
                DaemonTuning.Apply(opts, builder.Configuration);
                StartupData.ConfigureSchemaLock(opts, builder.Configuration);
            })
            .UseLightweightSessions()
            .IntegrateWithWolverine(w => w.UseWolverineManagedEventSubscriptionDistribution = true);
        // Several production nodes must be able to start at once: there the schema changes only through `db-apply`.
        if (ProductionMode.AppliesSchemaOnStartup(builder)) marten.ApplyAllDatabaseChangesOnStartup();
        ProductionMode.Configure(builder);
        // The register, then the bundled sources (Tracker:SeedOnStartup, Tracker:ImportBundledDataOnStartup), one node at a time.
        marten.InitializeWith<StartupData>();
        services.AddSingleton<AuthorityRegistrar>();
        services.AddSingleton<BundledDataImport>();
        services.AddSingleton(new ImportOptions(builder.Configuration.GetValue("Tracker:Import:AuthoritiesPerChunk", ImportOptions.DefaultAuthoritiesPerChunk)));
        services.AddSingleton<Importer>();
        services.AddSingleton<AuthorityWriter>();
        var integrations = builder.AddIntegrations(marten);

        builder.Host.UseWolverine(opts =>
        {
            opts.Policies.AutoApplyTransactions();
            opts.Policies.UseDurableLocalQueues();
            opts.Policies.UseDurableInboxOnAllListeners();
            opts.Policies.UseDurableOutboxOnAllSendingEndpoints();
            // Commands sent (not invoked) travel through a durable PostgreSQL queue, the same one other services send to.
            opts.ListenToPostgresqlQueue(CommandQueue);
            opts.Publish(rule =>
            {
                rule.MessagesImplementing<IAuthorityCommand>();
                rule.ToPostgresqlQueue(CommandQueue);
            });
            opts.ConfigureIntegrations(integrations);
            opts.ConfigureCluster(builder.Configuration);

            // Lost races are retried inside AuthorityWriter (one policy for every write path), not here as well.
            // Rejected commands from the queue are kept, with their reason, for an operator to read.
            opts.OnException<Rejection>().MoveToErrorQueue();
        });

        services.AddClusterNodeLog();
        services.AddHostedService<ProjectionWatchdog>();
        services.AddWolverineHttp();
        services.ConfigureHttpJsonOptions(o => HttpJson.Configure(o.SerializerOptions));
        services.AddProblemDetails(o => o.CustomizeProblemDetails = ctx =>
            ctx.ProblemDetails.Extensions["traceId"] = System.Diagnostics.Activity.Current?.Id ?? ctx.HttpContext.TraceIdentifier);
        services.AddExceptionHandler<ProblemMapping>();
        services.AddOpenApi(o =>
        {
            o.AddOperationTransformer<OperationDocs>();
            o.AddDocumentTransformer<DocumentConventions>();
            o.AddDocumentTransformer<NullableEnums>();
            o.AddSchemaTransformer<StringSchemas>();
        });
        services.Configure<TrendOptions>(builder.Configuration.GetSection("Tracker:Trends"));
        services.AddTrackerHealth(connectionString);
        builder.AddTrackerSecurity().AddRequestLimits().AddProxyHeaders().AddTrackerTelemetry().AddValidatedOptions();
        return builder;
    }

    public static WebApplication UseTracker(this WebApplication app)
    {
        // First: everything after sees the client's address and scheme (when a trusted proxy sent them).
        app.UseProxyHeaders();
        app.UseAccessLog();
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseSecurityHeaders();
        app.UseAddressRateLimit();
        app.UseBodySizeLimit(app.Configuration);
        app.UseNullBodyGuard();
        app.UseTrackerSecurity();
        app.UseRateLimiter();
        app.UseDashboardFiles();
        app.UseAuthorization();
        app.MapOpenApi();
        app.MapScalarApiReference();
        app.MapTrackerHealth();
        app.MapDashboard();
        app.MapWolverineEndpoints(http =>
        {
            http.RejectUnparseableQueryValues = true;
            http.AddPolicy<EndpointRoles>();
        });
        return app;
    }
}
