using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Console;
using Microsoft.Extensions.Options;
using Tracker.Host.Hosting;

namespace Tracker.IntegrationTests.Hosting;

public sealed class LoggingTests
{
    private static IServiceProvider Build(params (string Key, string Value)[] settings)
    {
        var builder = WebApplication.CreateBuilder();
        foreach (var (key, value) in settings) builder.Configuration[key] = value;
        builder.AddTrackerTelemetry();
        return builder.Services.BuildServiceProvider();
    }

    private static string[] Providers(IServiceProvider services) =>
        services.GetServices<ILoggerProvider>().Select(p => p.GetType().Name).ToArray();

    [Fact]
    public void Json_console_logs_keep_the_OpenTelemetry_log_exporter()
    {
        var services = Build(("Tracker:Telemetry:OtlpEndpoint", "http://127.0.0.1:4317"), ("Tracker:Logging:Json", "true"));

        Providers(services).ShouldContain("OpenTelemetryLoggerProvider");
        Providers(services).ShouldContain(nameof(ConsoleLoggerProvider));
        services.GetRequiredService<IOptionsMonitor<ConsoleLoggerOptions>>().CurrentValue.FormatterName.ShouldBe("json");
    }

    [Fact]
    public void The_standard_formatter_setting_gives_json_lines_with_scopes_and_utc_timestamps()
    {
        var services = Build(("Logging:Console:FormatterName", "json"));

        services.GetRequiredService<IOptionsMonitor<ConsoleLoggerOptions>>().CurrentValue.FormatterName.ShouldBe("json");
        var json = services.GetRequiredService<IOptionsMonitor<JsonConsoleFormatterOptions>>().CurrentValue;
        json.IncludeScopes.ShouldBeTrue();
        json.UseUtcTimestamp.ShouldBeTrue();
    }
}
