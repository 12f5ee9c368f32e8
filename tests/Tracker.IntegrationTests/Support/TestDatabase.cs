using System.Diagnostics;
using Tracker.Host.Hosting;

namespace Tracker.IntegrationTests.Support;

/// <summary>The throwaway PostgreSQL this test run starts for itself, or the one TRACKER_TEST_CONNECTION points at.</summary>
public static class TestDatabase
{
    private static readonly string Root = Path.Combine(Path.GetTempPath(), "tracker-tests");

    public static async Task<(string ConnectionString, EmbeddedPostgres? Server)> StartAsync()
    {
        var configured = Environment.GetEnvironmentVariable("TRACKER_TEST_CONNECTION");
        if (!string.IsNullOrWhiteSpace(configured)) return (configured, null);

        SweepAbandonedServers();
        var folder = Path.Combine(Root, $"{Environment.ProcessId}-{Guid.NewGuid():N}"[..20]);
        var server = await EmbeddedPostgres.StartAsync(folder, persistent: false, database: "tracker_test");
        return (server.ConnectionString, server);
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
