using System.Net;
using System.Net.Http.Json;
using System.Diagnostics;
using Npgsql;
using Xunit.Abstractions;
using Tracker.IntegrationTests.Support;

namespace Tracker.IntegrationTests.Integrations;

/// <summary>Runs its own Tracker process on its own database, so killing it cannot disturb the shared test host.</summary>
public sealed class HostCrashTests(TrackerFixture fixture, ITestOutputHelper output) : IntegrationTest(fixture)
{
    [Fact]
    [Trait("Category", "Slow")]
    public async Task Events_committed_before_the_host_is_killed_are_delivered_after_it_restarts()
    {
        var connection = await CreateDatabaseAsync();
        await using var receiver = await WebhookReceiver.StartAsync();
        await using var host = new HostProcess(connection);
        await host.StartAsync();

        var created = await host.Client.PostAsJsonAsync(new Uri(host.BaseAddress, "/api/subscriptions"), new { url = receiver.Url });
        created.StatusCode.ShouldBe(HttpStatusCode.Created);
        receiver.Secret = (await created.Content.ReadFromJsonAsync<SubscriptionDto>(Json.Options))!.Secret!;
        await receiver.StopAsync();

        // The first is committed and owed to a receiver that is down; the second is killed right after its commit.
        await RecordAsync(host, "380", "https://files.ofsted.gov.uk/v1/file/1", new DateOnly(2024, 3, 1));
        await Eventually.GetAsync(() => CountAsync(connection, "mt_doc_webhookattempt"), n => n > 0, what: "a failed attempt");
        await RecordAsync(host, "leeds", "https://files.ofsted.gov.uk/v1/file/2", new DateOnly(2024, 3, 1));
        await host.KillAsync();

        await receiver.RestartAsync();
        var restarting = Stopwatch.StartNew();
        await host.StartAsync();
        var answering = restarting.Elapsed;

        await Eventually.TrueAsync(() => receiver.Received.Select(r => r.Id).Distinct().Count() == 2, TimeSpan.FromSeconds(60), "both events after restart");
        // The restarted process is a new Wolverine node: the killed one keeps the relay until its heartbeat is stale.
        output.WriteLine($"Restarted node: answering HTTP after {answering.TotalSeconds:F1} s, both webhooks delivered {restarting.Elapsed.TotalSeconds:F1} s after the restart began.");
        receiver.Received.ShouldAllBe(r => r.SignatureValid);
        receiver.Received.Select(r => r.Subject).Distinct().Order().ShouldBe(["380", "383"]);
    }

    private static async Task RecordAsync(HostProcess host, string authority, string reference, DateOnly published)
    {
        var response = await host.Client.PostAsJsonAsync(new Uri(host.BaseAddress, $"/api/authorities/{authority}/inspections"),
            IntegrationDsl.Inspection(reference, published));
        response.StatusCode.ShouldBe(HttpStatusCode.Created);
    }

    private async Task<string> CreateDatabaseAsync()
    {
        var name = "tracker_crash_" + Guid.NewGuid().ToString("N")[..8];
        await using (var admin = new NpgsqlConnection(Fixture.ConnectionString))
        {
            await admin.OpenAsync();
            await using var create = new NpgsqlCommand($"create database {name}", admin);
            await create.ExecuteNonQueryAsync();
        }
        return new NpgsqlConnectionStringBuilder(Fixture.ConnectionString) { Database = name }.ConnectionString;
    }

    private static async Task<long> CountAsync(string connectionString, string table)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"select count(*) from tracker.{table}", connection);
        try { return (long)(await command.ExecuteScalarAsync())!; }
        catch (PostgresException) { return 0; }
    }
}
