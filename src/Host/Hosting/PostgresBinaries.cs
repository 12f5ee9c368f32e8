using System.Diagnostics;

namespace Tracker.Host.Hosting;

/// <summary>Finds the PostgreSQL server binaries: pg_config --bindir, then PATH, then Debian's /usr/lib/postgresql/*/bin.</summary>
public static class PostgresBinaries
{
    public const string Missing =
        "No connection string is configured (ConnectionStrings__Marten) and no PostgreSQL server binaries were found " +
        "(looked in `pg_config --bindir`, PATH and /usr/lib/postgresql/*/bin). Either install PostgreSQL " +
        "(Debian/Ubuntu: `apt-get install -y postgresql`) so Tracker can start its own embedded server, " +
        "or set ConnectionStrings__Marten to an existing PostgreSQL database.";

    public static string? Find() => Find(Environment.GetEnvironmentVariable("PATH"), "/usr/lib/postgresql", usePgConfig: true);

    public static string? Find(string? path, string debianRoot, bool usePgConfig)
    {
        foreach (var dir in Candidates(path, debianRoot, usePgConfig))
        {
            if (File.Exists(Path.Combine(dir, "initdb")) && File.Exists(Path.Combine(dir, "pg_ctl"))) return dir;
        }
        return null;
    }

    private static IEnumerable<string> Candidates(string? path, string debianRoot, bool usePgConfig)
    {
        if (usePgConfig && TryPgConfig() is { } fromPgConfig) yield return fromPgConfig;
        foreach (var dir in (path ?? "").Split(':', StringSplitOptions.RemoveEmptyEntries))
            yield return dir;
        if (Directory.Exists(debianRoot))
        {
            foreach (var version in Directory.GetDirectories(debianRoot).OrderByDescending(VersionOf))
                yield return Path.Combine(version, "bin");
        }
    }

    private static int VersionOf(string dir) => int.TryParse(Path.GetFileName(dir), out var v) ? v : 0;

    private static string? TryPgConfig()
    {
        try
        {
            using var process = Process.Start(new ProcessStartInfo("pg_config", "--bindir")
            {
                RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false,
            });
            if (process is null) return null;
            var output = process.StandardOutput.ReadToEnd().Trim();
            process.WaitForExit(5000);
            return process.ExitCode == 0 && output.Length > 0 ? output : null;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return null; // pg_config is not installed
        }
    }
}
