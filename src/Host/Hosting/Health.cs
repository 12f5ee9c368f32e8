using Marten.Events.Daemon;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Npgsql;

namespace Tracker.Host.Hosting;

/// <summary>
/// /health/live: the process answers. /health/ready: PostgreSQL answers within a few seconds and async projections are
/// not stalled behind the high-water mark (Marten's daemon check; it has nothing to report until the daemon runs).
/// </summary>
public static class Health
{
    private const string Live = "live";
    private const string Ready = "ready";

    public static IServiceCollection AddTrackerHealth(this IServiceCollection services, string connectionString, IConfiguration configuration)
    {
        services.AddHealthChecks()
            .AddCheck("process", () => HealthCheckResult.Healthy(), tags: [Live])
            .AddCheck("database", new DatabaseCheck(connectionString), tags: [Ready])
            .AddMartenAsyncDaemonHealthCheck(configuration.GetValue("Tracker:Health:MaxEventLag", 1000), TimeSpan.FromSeconds(configuration.GetValue("Tracker:Health:MaxStalledSeconds", 60)));
        return services;
    }

    public static WebApplication MapTrackerHealth(this WebApplication app)
    {
        app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = c => c.Tags.Contains(Live) });
        app.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = c => c.Tags.Contains(Ready) || c.Tags.Contains("AsyncDaemon") });
        return app;
    }

    /// <summary>A fresh, unpooled connection each time, so a dead pool cannot hide an outage or a recovery.</summary>
    private sealed class DatabaseCheck(string connectionString) : IHealthCheck
    {
        private readonly string _probe = new NpgsqlConnectionStringBuilder(connectionString) { Pooling = false, Timeout = 3, CommandTimeout = 3 }.ConnectionString;

        public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken ct = default)
        {
            try
            {
                await using var connection = new NpgsqlConnection(_probe);
                await connection.OpenAsync(ct);
                await using var command = new NpgsqlCommand("select 1", connection);
                await command.ExecuteScalarAsync(ct);
                return HealthCheckResult.Healthy();
            }
            catch (Exception e) when (e is NpgsqlException or TimeoutException or System.Net.Sockets.SocketException)
            {
                return HealthCheckResult.Unhealthy("PostgreSQL is not reachable.", e);
            }
        }
    }
}
