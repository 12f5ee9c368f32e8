using Tracker.Testing;
using System.Diagnostics;
using Tracker.Host.Rebuilds;
using Tracker.IntegrationTests.Support;

namespace Tracker.IntegrationTests.ReadModels;

/// <summary>Issue 15: <c>rebuild</c> refuses while Host nodes run on the database (Wolverine's node heartbeats),
/// unless forced. The fixture's host is itself such a node.</summary>
public sealed class RebuildGuardTests(TrackerFixture fixture) : IntegrationTest(fixture)
{
    [Fact]
    public async Task The_running_host_is_a_live_node_and_a_heartbeat_older_than_the_timeout_is_not()
    {
        var live = await Eventually.GetAsync(() => RunningNodes.LiveAsync(Fixture.Store, TimeSpan.FromSeconds(10), default),
            nodes => nodes.Count > 0, what: "the test host's node row");
        RunningNodes.Refusal(live)!.ShouldContain("--force");
        live[0].ShouldContain("last heartbeat");

        (await RunningNodes.LiveAsync(Fixture.Store, TimeSpan.Zero, default)).ShouldBeEmpty();
        RunningNodes.Refusal([]).ShouldBeNull();
    }

    [Fact]
    [Trait("Category", "Slow")]
    public async Task The_rebuild_command_refuses_beside_a_running_node_and_runs_with_force()
    {
        var (refused, refusal) = await RunAsync("rebuild", "Authority");
        refused.ShouldNotBe(0, refusal);
        refusal.ShouldContain("Refusing to rebuild");
        refusal.ShouldNotContain("Rebuilt");

        var (forced, output) = await RunAsync("rebuild", "Authority", "--force");
        forced.ShouldBe(0, output);
        output.ShouldContain("Rebuilt 1 projection(s)");
    }

    private async Task<(int ExitCode, string Output)> RunAsync(params string[] args)
    {
        // Development: a test build has no pre-generated Wolverine code, which Production insists on.
        var info = TrackerProcess.StartInfo(Faults.HostProcess.HostDll(), args, CliEnvironment(Fixture.ConnectionString));
        var (exitCode, output, errors) = await TrackerProcess.RunAsync(info, TimeSpan.FromMinutes(2));
        return (exitCode, output + errors);
    }

    /// <summary>What a CLI run beside the test host needs: the test database, no seeding, no bundled import.</summary>
    internal static Dictionary<string, string> CliEnvironment(string connectionString) => new()
    {
        ["ConnectionStrings__Marten"] = connectionString,
        ["ASPNETCORE_ENVIRONMENT"] = "Development",
        ["Tracker__SeedOnStartup"] = "false",
        ["Tracker__ImportBundledDataOnStartup"] = "false",
    };
}
