using Npgsql;
using Tracker.IntegrationTests.Integrations;
using Tracker.IntegrationTests.Support;

namespace Tracker.IntegrationTests.Security;

/// <summary>docs/sql/subscriber-role.sql, run against the test database: the role can consume its queue and nothing else.</summary>
public sealed class SubscriberRoleTests(TrackerFixture fixture) : IntegrationTest(fixture)
{
    private const string Queue = "wolverine_queues.wolverine_queue_tracker_events";

    [Fact]
    public async Task The_subscriber_role_consumes_the_event_queue_and_cannot_read_or_write_events_documents_or_commands()
    {
        var script = await File.ReadAllTextAsync(Path.Combine(RepositoryRoot.Find(), "docs/sql/subscriber-role.sql"));
        await using (var owner = new NpgsqlConnection(Fixture.ConnectionString))
        {
            await owner.OpenAsync();
            for (var run = 0; run < 2; run++) await Execute(owner, script); // re-running it is harmless
            await Execute(owner, "do $$ begin if not exists (select 1 from pg_roles where rolname = 'subscriber_test') then " +
                                 "create role subscriber_test login password 'subscriber-test-pw' in role tracker_subscriber; end if; end $$;");
        }
        await Host.RecordInspectionAsync("380", $"https://files.ofsted.gov.uk/v1/file/{Guid.NewGuid():N}", new DateOnly(2024, 3, 1));

        var login = new NpgsqlConnectionStringBuilder(Fixture.ConnectionString) { Username = "subscriber_test", Password = "subscriber-test-pw" };
        await using var subscriber = new NpgsqlConnection(login.ConnectionString);
        await subscriber.OpenAsync();
        await Eventually.GetAsync(() => Scalar(subscriber, $"select count(*) from {Queue}"), n => n > 0, TimeSpan.FromSeconds(20),
            "a message in the transport queue, read as the subscriber");
        (await Execute(subscriber, $"delete from {Queue} where ctid in (select ctid from {Queue} limit 1)")).ShouldBe(1);

        string[] refused =
        [
            "select count(*) from tracker.mt_events",
            "insert into tracker.mt_events (seq_id) values (-1)",
            "select count(*) from tracker.mt_doc_apikey",
            "update tracker.mt_doc_webhooksubscription set data = data",
            "delete from wolverine_queues.wolverine_queue_tracker_commands",
            $"insert into {Queue} select * from {Queue} limit 0",
        ];
        foreach (var sql in refused)
            (await Should.ThrowAsync<PostgresException>(() => Execute(subscriber, sql), sql)).SqlState.ShouldBe("42501", sql);
    }

    private static async Task<int> Execute(NpgsqlConnection connection, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        return await command.ExecuteNonQueryAsync();
    }

    private static async Task<long> Scalar(NpgsqlConnection connection, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        return Convert.ToInt64(await command.ExecuteScalarAsync());
    }
}
