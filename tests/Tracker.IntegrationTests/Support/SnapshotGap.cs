using Marten;
using Marten.Services;
using Npgsql;
using Tracker.Domain.Authorities;
using Tracker.Domain.Common;
using Tracker.Domain.Visits;
using Tracker.Projections;

namespace Tracker.IntegrationTests.Support;

/// <summary>What a live <c>rebuild Authority</c> looks like to the relay: an event whose authority has no snapshot.</summary>
public static class SnapshotGap
{
    /// <summary>One transaction appends a monitoring visit and deletes the authority's snapshot, so the relay cannot
    /// see one without the other (a real rebuild's teardown does the deleting). Answers the event's sequence.</summary>
    public static async Task<long> AppendVisitWithoutSnapshotAsync(TrackerFixture fixture, string authority, string reference)
    {
        await using var connection = new NpgsqlConnection(fixture.ConnectionString);
        await connection.OpenAsync();
        await using var tx = await connection.BeginTransactionAsync();
        await using (var session = fixture.Store.LightweightSession(SessionOptions.ForTransaction(tx)))
        {
            var state = (await session.LoadAsync<Authority>(authority))!;
            var on = new DateOnly(2024, 3, 1);
            var visit = new VisitInput(on.AddDays(-20), on.AddDays(-19), on, reference);
            var recorded = new Recorded("test", DateTimeOffset.UtcNow);
            session.Events.Append(authority,
                new RecordMonitoringVisit(authority, visit, "test").Decide(state, recorded));
            await session.SaveChangesAsync();
        }
        var table = $"{TrackerStore.Schema}.mt_doc_authority";
        await using (var delete = new NpgsqlCommand($"delete from {table} where id = @id", connection, tx))
        {
            delete.Parameters.AddWithValue("id", authority);
            (await delete.ExecuteNonQueryAsync()).ShouldBe(1);
        }
        await using var max = new NpgsqlCommand($"select max(seq_id) from {TrackerStore.Schema}.mt_events", connection, tx);
        var sequence = (long)(await max.ExecuteScalarAsync())!;
        await tx.CommitAsync();
        return sequence;
    }

    /// <summary>What the end of the rebuild does for this authority: fold its stream and store the snapshot. (Running
    /// a second daemon in the test process beside the host's would disturb the host's own daemon, which is what the
    /// rebuild command's guard is for.)</summary>
    public static async Task RestoreSnapshotAsync(TrackerFixture fixture, string authority)
    {
        await using var session = fixture.Store.LightweightSession();
        session.Store((await session.Events.AggregateStreamAsync<Authority>(authority))!);
        await session.SaveChangesAsync();
    }

    /// <summary>The integration relay's stored progress.</summary>
    public static async Task<long> RelayProgressAsync(TrackerFixture fixture)
    {
        await using var session = fixture.Store.QuerySession();
        var rows = await session.AdvancedSql.QueryAsync<long>(
            $"select last_seq_id from {TrackerStore.Schema}.mt_event_progression where name = 'integrations:All'",
            CancellationToken.None);
        return rows.Count == 0 ? 0 : rows[0];
    }
}
