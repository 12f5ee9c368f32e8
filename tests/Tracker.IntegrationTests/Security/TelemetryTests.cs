using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;
using Tracker.Host.Hosting;

namespace Tracker.IntegrationTests.Security;

public sealed class TelemetryTests
{
    private static IServiceProvider Build(string? otlpEndpoint)
    {
        var builder = WebApplication.CreateBuilder();
        if (otlpEndpoint is not null) builder.Configuration["Tracker:Telemetry:OtlpEndpoint"] = otlpEndpoint;
        builder.AddTrackerTelemetry();
        return builder.Services.BuildServiceProvider();
    }

    [Fact]
    public void With_an_OTLP_endpoint_the_host_collects_traces_and_metrics()
    {
        var services = Build("http://127.0.0.1:4317");
        services.GetService<TracerProvider>().ShouldNotBeNull();
        services.GetService<MeterProvider>().ShouldNotBeNull();
    }

    [Fact]
    public void Without_an_endpoint_nothing_is_instrumented()
    {
        var services = Build(null);
        services.GetService<TracerProvider>().ShouldBeNull();
        services.GetService<MeterProvider>().ShouldBeNull();
    }
}
