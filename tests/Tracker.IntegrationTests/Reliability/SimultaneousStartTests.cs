using System.Net.Http.Json;
using Marten;
using Marten.Events;
using Npgsql;
using Tracker.Host.Hosting;
using Tracker.IntegrationTests.ReadModels;
using Tracker.IntegrationTests.Support;
using Xunit.Abstractions;

namespace Tracker.IntegrationTests.Reliability;

/// <summary>
/// Three Host processes started at the same moment on one empty database (development mode: each applies the schema,
/// registers the authorities and imports the bundled sources on start). All become ready; the store ends exactly as one
/// node alone leaves it (same events by type, streams and held sections, same national picture); every agent is
/// placed on exactly one node.
/// </summary>
[Trait("Category", "Slow")]
public sealed class SimultaneousStartTests(ITestOutputHelper output)
{
    private static readonly Dictionary<string, string> Bundled = new()
    {
        ["Tracker__ImportBundledDataOnStartup"] = "true",
        ["Tracker__Import__AuthoritiesPerChunk"] = "25",
    };

    [Fact]
    public async Task Three_nodes_starting_together_on_an_empty_database_all_become_ready_and_import_everything_exactly_once()
    {
        var folder = Path.Combine(Path.GetTempPath(), "tracker-tests", $"{Environment.ProcessId}-sim{Guid.NewGuid():N}"[..24]);
        await using var postgres = await EmbeddedPostgres.StartAsync(folder, persistent: false, database: "tracker_nodes");
        var reference = await TestDatabase.SiblingDatabaseAsync(postgres.ConnectionString, "reference");

        // What one node alone leaves behind.
        Dictionary<string, long> expected;
        NationalPictureTests.Picture expectedPicture;
        await using (var alone = await TrackerFixture.StartHostAsync(reference, new Dictionary<string, string>
                     { ["Tracker:ImportBundledDataOnStartup"] = "true", ["Tracker:Import:AuthoritiesPerChunk"] = "25" }))
        {
            await alone.WaitForNonStaleProjectionDataAsync(TimeSpan.FromSeconds(60));
            expected = await CountsAsync(reference);
            expectedPicture = await alone.GetJson<NationalPictureTests.Picture>("/api/national?asOf=2025-06-01");
        }

        var nodes = Enumerable.Range(0, 3).Select(_ => new HostProcess(postgres.ConnectionString, Bundled) { StartTimeout = TimeSpan.FromMinutes(4) }).ToArray();
        try
        {
            var started = System.Diagnostics.Stopwatch.StartNew();
            await Task.WhenAll(nodes.Select(n => n.StartAsync(createKey: false)));
            output.WriteLine($"all three nodes answered {started.Elapsed.TotalSeconds:F1} s after starting together");

            (await CountsAsync(postgres.ConnectionString)).OrderBy(c => c.Key).ShouldBe(expected.OrderBy(c => c.Key),
                "the same events, streams and sections as one node alone");
            var placements = await Eventually.GetAsync(() => PlacementsAsync(postgres.ConnectionString),
                p => p.Any(a => a.Agent.Contains("/integrations/", StringComparison.OrdinalIgnoreCase))
                     && p.Any(a => a.Agent.Contains("/gradepicture/", StringComparison.OrdinalIgnoreCase)),
                TimeSpan.FromSeconds(60), "the relay and GradePicture to be placed");
            output.WriteLine(string.Join(Environment.NewLine, placements.Select(p => $"{p.Agent} -> {p.Nodes} node(s)")));
            placements.ShouldAllBe(p => p.Nodes == 1, "each agent runs on exactly one node");

            foreach (var node in nodes)
            {
                var picture = await Eventually.GetAsync(
                    () => node.Client.GetFromJsonAsync<NationalPictureTests.Picture>(new Uri(node.BaseAddress, "/api/national?asOf=2025-06-01"), Json.Options),
                    p => p == expectedPicture, TimeSpan.FromSeconds(60), "the national picture on every node");
                picture.ShouldBe(expectedPicture);
            }
        }
        catch (Exception e) when (e is not ShouldAssertException)
        {
            throw new Exception(e.Message + Environment.NewLine + string.Join(Environment.NewLine + "----" + Environment.NewLine, nodes.Select(n => n.Tail(40))), e);
        }
        finally
        {
            foreach (var node in nodes) await node.DisposeAsync();
        }
    }

    /// <summary>Events by type, streams and held import sections: what a duplicated registration or import would change.</summary>
    private static async Task<Dictionary<string, long>> CountsAsync(string connectionString)
    {
        await using var connection = new NpgsqlConnection(connectionString + ";Pooling=false");
        await connection.OpenAsync();
        var counts = new Dictionary<string, long>();
        await using (var byType = new NpgsqlCommand("select type, count(*) from tracker.mt_events group by type", connection))
        await using (var reader = await byType.ExecuteReaderAsync())
            while (await reader.ReadAsync()) counts[reader.GetString(0)] = reader.GetInt64(1);
        foreach (var (name, sql) in new[] { ("streams", "select count(*) from tracker.mt_streams"),
                     ("held sections", "select count(*) from tracker.mt_doc_importedsection") })
        {
            await using var command = new NpgsqlCommand(sql, connection);
            counts[name] = (long)(await command.ExecuteScalarAsync())!;
        }
        return counts;
    }

    private static async Task<List<(string Agent, long Nodes)>> PlacementsAsync(string connectionString)
    {
        await using var connection = new NpgsqlConnection(connectionString + ";Pooling=false");
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            "select id, count(distinct node_id) from tracker.wolverine_node_assignments group by id", connection);
        await using var reader = await command.ExecuteReaderAsync();
        var placements = new List<(string, long)>();
        while (await reader.ReadAsync()) placements.Add((reader.GetString(0), reader.GetInt64(1)));
        return placements;
    }
}
