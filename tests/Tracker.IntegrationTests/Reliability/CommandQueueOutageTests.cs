using Marten;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Tracker.Domain.Common;
using Tracker.Domain.Inspections;
using Tracker.IntegrationTests.Support;
using Tracker.Projections;
using Wolverine;
using Xunit.Abstractions;

namespace Tracker.IntegrationTests.Reliability;

/// <summary>
/// Commands other services send travel through the durable PostgreSQL queue (tracker_commands). Commands in flight
/// when PostgreSQL crashes are each recorded exactly once after the restart: none lost, none doubled, none
/// dead-lettered. A send while PostgreSQL is down cannot be made durable (the queue and the outbox are in it), so it
/// throws: the sender knows, and its retry after the restart is recorded exactly once too.
/// </summary>
[Collection(ReliabilityCollection.Name)]
[Trait("Category", "Slow")]
public sealed class CommandQueueOutageTests(ReliabilityFixture fixture, ITestOutputHelper output)
{
    [Fact]
    public async Task Commands_in_flight_or_sent_during_a_database_outage_are_processed_exactly_once_after_the_restart()
    {
        var prefix = $"https://example.org/queued-{Guid.NewGuid():N}"[..36];
        var accepted = new List<string>();
        var refused = new List<(string Reference, int Index)>();
        // In flight: sent just before the crash, so the crash lands while the listener is taking and handling them.
        for (var i = 0; i < 16; i++) accepted.Add(await SendAsync($"{prefix}-before-{i:D2}", i));
        var recordedBeforeCrash = (await RecordedAsync(prefix)).Count;

        fixture.Server.Crash();
        try
        {
            for (var i = 0; i < 6; i++)
            {
                var reference = $"{prefix}-during-{i:D2}";
                try { accepted.Add(await SendAsync(reference, i)); }
                catch (Exception e) when (e is NpgsqlException or System.Net.Sockets.SocketException || e.InnerException is NpgsqlException)
                {
                    refused.Add((reference, i)); // the sender was told: nothing silently dropped
                }
            }
            await Task.Delay(TimeSpan.FromSeconds(3));
        }
        finally
        {
            fixture.Server.Restart();
        }
        output.WriteLine($"sent {accepted.Count}, {recordedBeforeCrash} recorded before the crash; during the outage " +
                         $"{accepted.Count(a => a.Contains("-during-"))} sends accepted, {refused.Count} refused");
        // The sender retries what was refused, as it would any failed send.
        foreach (var (reference, i) in refused)
            accepted.Add(await Eventually.GetAsync(async () =>
            {
                try { return await SendAsync(reference, i); }
                catch (Exception e) when (e is NpgsqlException || e.InnerException is NpgsqlException) { return null; }
            }, r => r is not null, TimeSpan.FromSeconds(60), "a resend after the restart") ?? "");

        var recorded = await Eventually.GetAsync(() => RecordedAsync(prefix), r => r.Count >= accepted.Count, TimeSpan.FromSeconds(90),
            $"all {accepted.Count} accepted commands to be recorded");
        await Task.Delay(TimeSpan.FromSeconds(3)); // a duplicate would land by now
        recorded = await RecordedAsync(prefix);
        recorded.ShouldBe(accepted, ignoreOrder: true, "each accepted command recorded exactly once");
        (await DeadLettersAsync()).ShouldBe(0, "an outage is not a reason to dead-letter a command");
    }

    private async Task<string> SendAsync(string reference, int i)
    {
        var authority = ReliabilityFixture.Authorities[i % ReliabilityFixture.Authorities.Length];
        var on = new DateOnly(2023, 6, 1).AddDays(i);
        var grades = JudgementAreas.For(FrameworkVersion.Ilacs2023).ToDictionary(a => a, _ => (Grade?)Grade.Good);
        await using var scope = fixture.Host.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<IMessageBus>().SendAsync(new RecordInspection(authority,
            new InspectionInput(FrameworkVersion.Ilacs2023, InspectionKind.Standard, on.AddDays(-40), on.AddDays(-30), on, reference, grades), "queue"));
        return reference;
    }

    private async Task<List<string>> RecordedAsync(string prefix)
    {
        try
        {
            await using var session = fixture.Store.QuerySession();
            var all = await session.Events.QueryRawEventDataOnly<InspectionRecorded>().ToListAsync();
            return all.Select(e => e.Details.ReportReference).Where(r => r.StartsWith(prefix, StringComparison.Ordinal)).ToList();
        }
        catch (NpgsqlException) { return []; }
    }

    private async Task<long> DeadLettersAsync()
    {
        // Unpooled: a pooled connection from before the crash would be dead.
        await using var connection = new NpgsqlConnection(fixture.ConnectionString + ";Pooling=false");
        await connection.OpenAsync();
        await using var query = new NpgsqlCommand(
            $"select count(*) from {TrackerStore.Schema}.wolverine_dead_letters where message_type like '%RecordInspection%'", connection);
        return (long)(await query.ExecuteScalarAsync())!;
    }
}
