using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using Npgsql;
using Tracker.IntegrationTests.Support;
using Xunit.Abstractions;

namespace Tracker.IntegrationTests.Integrations;

/// <summary>Two Tracker processes on one database of their own: Wolverine decides which of them runs the relay.</summary>
public sealed class ScaleOutTests(TrackerFixture fixture, ITestOutputHelper output) : IntegrationTest(fixture)
{
    [Fact]
    [Trait("Category", "Slow")]
    public async Task Two_nodes_deliver_each_event_once_and_the_relay_moves_to_the_survivor_when_its_node_is_killed()
    {
        var connection = await TestDatabase.SiblingDatabaseAsync(Fixture.ConnectionString, "scale" + Guid.NewGuid().ToString("N")[..8]);
        await using var receiver = await WebhookReceiver.StartAsync();
        await using var first = new HostProcess(connection);
        await first.StartAsync();
        await using var second = new HostProcess(connection);
        await second.StartAsync();
        HostProcess[] nodes = [first, second];
        foreach (var node in nodes)
            (await node.Client.GetAsync(new Uri(node.BaseAddress, "/health/ready"))).StatusCode.ShouldBe(HttpStatusCode.OK);

        var created = await first.Client.PostAsJsonAsync(new Uri(first.BaseAddress, "/api/subscriptions"), new { url = receiver.Url });
        created.StatusCode.ShouldBe(HttpStatusCode.Created);
        receiver.Secret = (await created.Content.ReadFromJsonAsync<SubscriptionDto>(Json.Options))!.Secret!;

        // Writes go to both nodes; only the node running the relay publishes them.
        string[] authorities = ["301", "302", "303", "304", "305", "306"];
        for (var i = 0; i < authorities.Length; i++)
            await RecordAsync(nodes[i % 2], authorities[i], $"https://files.ofsted.gov.uk/v1/file/{i}");
        await Eventually.TrueAsync(() => receiver.Received.Count >= authorities.Length, TimeSpan.FromSeconds(60), "the first six webhooks");

        var owner = await RelayOwnerAsync(connection, nodes);
        var survivor = owner == first ? second : first;
        await owner.KillAsync();
        var killedAt = Stopwatch.StartNew();

        string[] later = ["307", "308", "309"];
        for (var i = 0; i < later.Length; i++)
            await RecordAsync(survivor, later[i], $"https://files.ofsted.gov.uk/v1/file/later-{i}");
        try
        {
            await Eventually.TrueAsync(() => receiver.Received.Count >= authorities.Length + later.Length, TimeSpan.FromSeconds(90), "the webhooks after the kill");
        }
        catch (TimeoutException e)
        {
            throw new TimeoutException(e.Message + Environment.NewLine + survivor.Tail(), e);
        }
        output.WriteLine($"Relay failover: the survivor had delivered all three events written after the kill {killedAt.Elapsed.TotalSeconds:F1} s after the kill.");

        (await RelayOwnerAsync(connection, [survivor])).ShouldBe(survivor);
        // Quiet for a while: nothing arrives twice, late or otherwise.
        await Task.Delay(TimeSpan.FromSeconds(3));
        receiver.Received.ShouldAllBe(r => r.SignatureValid);
        receiver.Received.Select(r => r.Id).ShouldBeUnique();
        receiver.Received.Count.ShouldBe(authorities.Length + later.Length);
    }

    private static async Task RecordAsync(HostProcess host, string authority, string reference)
    {
        var response = await host.Client.PostAsJsonAsync(new Uri(host.BaseAddress, $"/api/authorities/{authority}/inspections"),
            IntegrationDsl.Inspection(reference, new DateOnly(2024, 3, 1)));
        response.StatusCode.ShouldBe(HttpStatusCode.Created);
    }

    /// <summary>The node Wolverine assigned the relay to, from its own assignment table and the node id each Host logs.</summary>
    private static async Task<HostProcess> RelayOwnerAsync(string connectionString, IReadOnlyList<HostProcess> nodes) =>
        (await Eventually.GetAsync(async () =>
        {
            await using var connection = new NpgsqlConnection(connectionString);
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand(
                "select node_id::text from tracker.wolverine_node_assignments where id like 'event-subscriptions://%/integrations/all'", connection);
            var nodeId = (string?)await command.ExecuteScalarAsync();
            return nodeId is null ? null : nodes.SingleOrDefault(n => n.Output.Any(l => l.Contains($"Tracker node {nodeId} started", StringComparison.OrdinalIgnoreCase)));
        }, owner => owner is not null, TimeSpan.FromSeconds(60), "the relay's node"))!;
}
