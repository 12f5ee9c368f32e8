using Marten;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Tracker.Domain.Common;
using Tracker.Domain.Inspections;
using Tracker.IntegrationTests.Support;
using Wolverine;

namespace Tracker.IntegrationTests.Messaging;

/// <summary>Commands sent as messages go through the durable PostgreSQL queue and reach the same handler as HTTP.</summary>
public sealed class CommandQueueTests(TrackerFixture fixture) : IntegrationTest(fixture)
{
    private static RecordInspection Command(string reference, Grade? overall = Grade.Good) => new("bradford", new InspectionInput(
        FrameworkVersion.Ilacs2023, InspectionKind.Short, new DateOnly(2024, 1, 8), new DateOnly(2024, 1, 12), new DateOnly(2024, 2, 20), reference,
        new Dictionary<string, Grade?> { ["overall"] = overall, ["impact_of_leaders"] = Grade.Good, ["help_and_protection"] = Grade.Good,
            ["children_in_care"] = Grade.Good, ["care_leavers"] = Grade.Good }), "queue-test");

    [Fact]
    public async Task A_command_sent_through_the_durable_queue_is_stored_as_an_event()
    {
        await using (var scope = Host.Services.CreateAsyncScope())
            await scope.ServiceProvider.GetRequiredService<IMessageBus>().SendAsync(Command("queued-report-1"));

        var stored = await Eventually(async () =>
        {
            await using var session = Fixture.Store.QuerySession();
            var events = await session.Events.FetchStreamAsync("380");
            return events.Select(e => e.Data).OfType<InspectionRecorded>().SingleOrDefault();
        });
        stored.Details.ReportReference.ShouldBe("queued-report-1");
        stored.Recorded.By.ShouldBe("queue-test");
    }

    [Fact]
    public async Task A_rejected_command_from_the_queue_is_dead_lettered_with_its_reason_and_appends_nothing()
    {
        await using (var scope = Host.Services.CreateAsyncScope())
            await scope.ServiceProvider.GetRequiredService<IMessageBus>().SendAsync(Command("queued-bad", overall: null));

        var reason = await Eventually(async () =>
        {
            await using var connection = new NpgsqlConnection(Fixture.ConnectionString);
            await connection.OpenAsync();
            await using var query = new NpgsqlCommand(
                "select exception_message from tracker.wolverine_dead_letters where message_type like '%RecordInspection%'", connection);
            return await query.ExecuteScalarAsync() as string;
        });
        reason.ShouldContain("invalid");

        await using var session = Fixture.Store.QuerySession();
        (await session.Events.FetchStreamAsync("380")).Count.ShouldBe(1);
    }

    private static async Task<T> Eventually<T>(Func<Task<T?>> probe) where T : class
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            if (await probe() is { } found) return found;
            if (DateTime.UtcNow > deadline) throw new TimeoutException("Nothing arrived within 30 s.");
            await Task.Delay(100);
        }
    }
}
