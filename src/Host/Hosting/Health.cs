using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Npgsql;

namespace Tracker.Host.Hosting;

/// <summary>
/// /health/live: the process answers. /health/ready: PostgreSQL answers within a few seconds and no async shard (the
/// GradePicture projection, the integration relay) nor the high-water mark is stalled behind the store's highest
/// sequence; the body reports every lag (see <see cref="ProjectionLagMonitor"/>).
/// </summary>
public static class Health
{
    private const string Live = "live";
    private const string Ready = "ready";
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static IServiceCollection AddTrackerHealth(this IServiceCollection services, string connectionString)
    {
        services.AddSingleton<ProjectionLagMonitor>();
        services.AddHostedService<ProjectionLagPoller>();
        services.AddHealthChecks()
            .AddCheck("process", () => HealthCheckResult.Healthy(), tags: [Live])
            .AddCheck("database", new DatabaseCheck(connectionString), tags: [Ready])
            .AddCheck<ProjectionLagCheck>("projections", tags: [Ready]);
        return services;
    }

    public static WebApplication MapTrackerHealth(this WebApplication app)
    {
        app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = c => c.Tags.Contains(Live) });
        app.MapHealthChecks("/health/ready", new HealthCheckOptions
        {
            Predicate = c => c.Tags.Contains(Ready), ResponseWriter = WriteJsonAsync,
        });
        return app;
    }

    /// <summary>Each check's status, description and data (the lags), so a probe's 503 says what is behind.</summary>
    private static Task WriteJsonAsync(HttpContext http, HealthReport report)
    {
        http.Response.ContentType = "application/json";
        var body = new
        {
            status = report.Status.ToString(),
            checks = report.Entries.ToDictionary(e => e.Key, e => new
            {
                status = e.Value.Status.ToString(), description = e.Value.Description, data = e.Value.Data,
            }),
        };
        return http.Response.WriteAsync(JsonSerializer.Serialize(body, Json));
    }

    private sealed class ProjectionLagCheck(ProjectionLagMonitor monitor) : IHealthCheck
    {
        public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken ct = default)
        {
            // Bounded: during an outage Marten's read retries must not hold the probe past its own timeout.
            using var bounded = CancellationTokenSource.CreateLinkedTokenSource(ct);
            bounded.CancelAfter(TimeSpan.FromSeconds(5));
            var report = await monitor.RefreshAsync(bounded.Token);
            var data = new Dictionary<string, object>
            {
                ["highestSequence"] = report.HighestSequence,
                ["highWaterMark"] = report.HighWaterMark,
                ["projections"] = report.Shards,
            };
            var stalled = report.Shards.Where(s => s.Value.Stalled).Select(s => s.Key).ToArray();
            return stalled.Length == 0
                ? HealthCheckResult.Healthy("No async projection is stalled.", data)
                : HealthCheckResult.Unhealthy($"Stalled: {string.Join(", ", stalled)}.", data: data);
        }
    }

    /// <summary>A fresh, unpooled connection each time, so a dead pool cannot hide an outage or a recovery.</summary>
    private sealed class DatabaseCheck(string connectionString) : IHealthCheck
    {
        private readonly string _probe = new NpgsqlConnectionStringBuilder(connectionString)
            { Pooling = false, Timeout = 3, CommandTimeout = 3 }.ConnectionString;

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
