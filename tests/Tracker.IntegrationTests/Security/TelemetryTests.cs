using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;
using Tracker.IntegrationTests.Support;

namespace Tracker.IntegrationTests.Security;

public sealed class TelemetryTests(TrackerFixture fixture) : IntegrationTest(fixture)
{
    [Fact]
    public void The_host_collects_traces_and_metrics_through_OpenTelemetry()
    {
        Host.Services.GetService<TracerProvider>().ShouldNotBeNull();
        Host.Services.GetService<MeterProvider>().ShouldNotBeNull();
    }
}
