using System.Diagnostics;
using Tracker.Host.Hosting;

namespace Tracker.IntegrationTests.Support;

/// <summary>The throwaway PostgreSQL this test run starts for itself, or the one TRACKER_TEST_CONNECTION points at.</summary>
public static class TestDatabase
{
    private static readonly string Root = Path.Combine(Path.GetTempPath(), "tracker-tests");

    /// <summary>A database for one fixture; with TRACKER_TEST_CONNECTION, fixtures other than the main one get a sibling database.</summary>
    public static async Task<(string ConnectionString, EmbeddedPostgres? Server)> StartAsync(string database = "tracker_test")
    {
        var configured = Environment.GetEnvironmentVariable("TRACKER_TEST_CONNECTION");
        if (!string.IsNullOrWhiteSpace(configured))
            return (database == "tracker_test" ? configured : await SiblingDatabaseAsync(configured, database), null);

        SweepAbandonedServers();
        var folder = Path.Combine(Root, $"{Environment.ProcessId}-{Guid.NewGuid():N}"[..20]);
        var server = await EmbeddedPostgres.StartAsync(folder, persistent: false, database: database);
        return (server.ConnectionString, server);
    }

    /// <summary>A durable server of this test run's own, even when TRACKER_TEST_CONNECTION is set: fault tests crash and restart it.</summary>
    public static Task<EmbeddedPostgres> StartOwnServerAsync(string database)
    {
        SweepAbandonedServers();
        var folder = Path.Combine(Root, $"{Environment.ProcessId}-{Guid.NewGuid():N}"[..20]);
        return EmbeddedPostgres.StartAsync(folder, persistent: false, database: database, durable: true);
    }

    public static async Task<string> SiblingDatabaseAsync(string connectionString, string suffix)
    {
        var builder = new Npgsql.NpgsqlConnectionStringBuilder(connectionString);
        var name = $"{builder.Database}_{suffix}";
        await using var connection = new Npgsql.NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var exists = new Npgsql.NpgsqlCommand("select 1 from pg_database where datname = @name", connection);
        exists.Parameters.AddWithValue("name", name);
        if (await exists.ExecuteScalarAsync() is null)
            await new Npgsql.NpgsqlCommand($"create database \"{name}\"", connection).ExecuteNonQueryAsync();
        builder.Database = name;
        return builder.ConnectionString;
    }

    /// <summary>A test process that was killed leaves its server running; stop those whose process is gone.</summary>
    private static void SweepAbandonedServers()
    {
        if (!Directory.Exists(Root)) return;
        foreach (var dir in Directory.GetDirectories(Root))
        {
            var name = Path.GetFileName(dir);
            if (!int.TryParse(name.Split('-')[0], out var pid) || IsAlive(pid)) continue;
            var bin = PostgresBinaries.Find();
            if (bin is not null && File.Exists(Path.Combine(dir, "data", "postmaster.pid")))
                EmbeddedPostgres.Run(Path.Combine(bin, "pg_ctl"), ["stop", "-D", Path.Combine(dir, "data"), "-m", "immediate"],
                    Environment.UserName == "root" ? "postgres" : null, throwOnError: false);
            try { Directory.Delete(dir, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
        }
    }

    private static bool IsAlive(int pid)
    {
        try { return !Process.GetProcessById(pid).HasExited; }
        catch (ArgumentException) { return false; }
    }
}
