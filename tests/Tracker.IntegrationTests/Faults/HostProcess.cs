using System.Diagnostics;
using Tracker.Testing;

namespace Tracker.IntegrationTests.Faults;

/// <summary>The built Tracker.Host run as a separate process on 127.0.0.1, as in production, so it can be SIGKILLed.
/// Only the fault suite's defaults live here; <see cref="TrackerProcess"/> does the work.</summary>
public static class HostProcess
{
    /// <summary>The Host's own build output (src/Host/bin/...), or the copy beside the tests.</summary>
    public static string HostDll() => TrackerProcess.HostDll();

    /// <summary>What every test Host needs: its database, Development (a test build has no pre-generated Wolverine
    /// code) and no bundled import at start-up.</summary>
    public static Dictionary<string, string> Development(string connectionString) => new()
    {
        ["ConnectionStrings__Marten"] = connectionString,
        ["ASPNETCORE_ENVIRONMENT"] = "Development",
        ["Tracker__ImportBundledDataOnStartup"] = "false",
    };

    /// <summary>The fault suite's Host and commands: seeded, no rate limit in the way, small import chunks.</summary>
    public static Dictionary<string, string> Environment(string connectionString) => new(Development(connectionString))
    {
        ["Tracker__SeedOnStartup"] = "true",
        ["Tracker__RateLimit__PermitsPerWindow"] = "1000000",
        // Small import chunks, so an import of ~150 authorities commits many times and can be interrupted between commits.
        ["Tracker__Import__AuthoritiesPerChunk"] = "4",
    };

    /// <summary>Runs a one-off command (e.g. <c>keys create</c>) to exit code 0 and returns its output.</summary>
    public static Task<string> RunCommandAsync(string connectionString, params string[] args) =>
        TrackerProcess.RunCheckedAsync(Info(connectionString, args), TimeSpan.FromMinutes(2));

    /// <summary>Starts the Host on a free port and waits until /health/ready answers 200.</summary>
    public static async Task<TrackerProcess> StartAsync(string connectionString)
    {
        var url = $"http://127.0.0.1:{TrackerProcess.FreePort()}";
        var host = TrackerProcess.Start(Info(connectionString, ["--urls", url]), new Uri(url));
        using var client = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        var ready = new Uri(new Uri(url), "/health/ready");
        await host.WaitForOkAsync(client, ready, TimeSpan.FromMinutes(2), TimeSpan.FromMilliseconds(250));
        return host;
    }

    /// <summary>Starts a one-off command (e.g. <c>import file</c>) without waiting for it, so a test can kill it
    /// midway.</summary>
    public static TrackerProcess StartCommand(string connectionString, params string[] args) =>
        TrackerProcess.Start(Info(connectionString, args));

    private static ProcessStartInfo Info(string connectionString, IEnumerable<string> args) =>
        TrackerProcess.StartInfo(HostDll(), args, Environment(connectionString));
}
