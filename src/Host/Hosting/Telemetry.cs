using OpenTelemetry;
using OpenTelemetry.Logs;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace Tracker.Host.Hosting;

/// <summary>
/// Traces and metrics for HTTP (ASP.NET Core), Wolverine and Marten, exported over OTLP when an endpoint is configured
/// (<c>OTEL_EXPORTER_OTLP_ENDPOINT</c> or <c>Tracker:Telemetry:OtlpEndpoint</c>); logs as JSON lines when
/// <c>Logging:Console:FormatterName</c> is <c>json</c>.
/// </summary>
public static class Telemetry
{
    public static WebApplicationBuilder AddTrackerTelemetry(this WebApplicationBuilder builder)
    {
        var configured = builder.Configuration["Tracker:Telemetry:OtlpEndpoint"];
        if (!string.IsNullOrWhiteSpace(configured)) builder.Configuration["OTEL_EXPORTER_OTLP_ENDPOINT"] = configured;
        var export = !string.IsNullOrWhiteSpace(builder.Configuration["OTEL_EXPORTER_OTLP_ENDPOINT"]);

        // Without an exporter, recording spans for every request and every SQL command only burns CPU (the benchmark's
        // read and write paths make several each), so nothing is instrumented unless it goes somewhere.
        if (export)
        {
            builder.Services.AddOpenTelemetry()
                .ConfigureResource(r => r.AddService(builder.Configuration["Tracker:Telemetry:ServiceName"] ?? "tracker"))
                .WithTracing(t => t.AddAspNetCoreInstrumentation(o => o.Filter = http => !http.Request.Path.StartsWithSegments("/health"))
                    // System.Net.Http: .NET's own HttpClient spans, children of each webhook attempt's span.
                    .AddSource("Wolverine", "Marten", "Npgsql", "System.Net.Http", Integrations.IntegrationTelemetry.ActivitySourceName))
                .WithMetrics(m => m.AddAspNetCoreInstrumentation()
                    .AddMeter("Wolverine*", "Marten", "Npgsql", "System.Net.Http", ProjectionLagMonitor.MeterName,
                        Writes.CommitGroups.MeterName))
                .UseOtlpExporter();
            builder.Logging.AddOpenTelemetry(o => { o.IncludeFormattedMessage = true; o.IncludeScopes = true; });
        }

        // Console format: the standard Logging:Console:FormatterName (json, simple, systemd). The older
        // Tracker:Logging:Json=true still means json. Choosing the formatter by configuration removes no provider, so
        // the OpenTelemetry logger added above keeps exporting (clearing providers here used to drop it).
        if (builder.Configuration.GetValue("Tracker:Logging:Json", false))
            builder.Configuration["Logging:Console:FormatterName"] = "json";
        var formatter = builder.Configuration["Logging:Console:FormatterName"];
        if (string.Equals(formatter, "json", StringComparison.OrdinalIgnoreCase))
        {
            // Defaults for JSON lines; Logging:Console:FormatterOptions:* in configuration still wins.
            builder.Configuration["Logging:Console:FormatterOptions:IncludeScopes"] ??= "true";
            builder.Configuration["Logging:Console:FormatterOptions:UseUtcTimestamp"] ??= "true";
        }
        return builder;
    }
}
