using Alba;
using Marten;
using Marten.Services;
using Npgsql;
using Tracker.Domain.Authorities;
using Tracker.Domain.Common;
using Tracker.Domain.Visits;
using Tracker.Host.Rebuilds;
using Tracker.IntegrationTests.Support;
using Tracker.Projections;

namespace Tracker.IntegrationTests.Integrations;

/// <summary>Issue 15: an event appended while its authority's snapshot is missing (a live <c>rebuild Authority</c>)
/// must not be skipped by the relay or the feed; it is published once the snapshot is back.</summary>
public sealed class SnapshotRebuildTests(TrackerFixture fixture) : IntegrationTest(fixture)
{
    private const string Reference = "https://files.ofsted.gov.uk/v1/file/1515";
    private WebhookReceiver _receiver = null!;

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        _receiver = await WebhookReceiver.StartAsync();
    }

    public override async Task DisposeAsync() => await _receiver.DisposeAsync();

    [Fact]
    public async Task An_event_appended_while_its_snapshot_is_missing_reaches_the_webhook_once_the_snapshot_is_back()
    {
        _receiver.Secret = (await Host.SubscribeAsync(new { url = _receiver.Url })).Secret!;
        var sequence = await AppendVisitAndDeleteSnapshotAsync("380");

        // The feed refuses to page past the event rather than leave it out ...
        await Eventually.GetAsync(FeedStatusAsync, status => status == 503, what: "the feed to stop at the missing snapshot");
        // ... and the relay does not advance past it while the snapshot is missing.
        await Task.Delay(TimeSpan.FromSeconds(2));
        (await RelayProgressAsync()).ShouldBeLessThan(sequence);
        _receiver.Received.ShouldBeEmpty();

        await ProjectionRebuild.RunAsync(Fixture.Store, "Authority", _ => { }, CancellationToken.None);

        await Eventually.TrueAsync(() => !_receiver.Received.IsEmpty, TimeSpan.FromSeconds(60), "the held-back webhook");
        _receiver.Received.ShouldHaveSingleItem().Type.ShouldEndWith("monitoring-visit.recorded");
        (await Host.AllEventsAsync()).ShouldHaveSingleItem().Subject.ShouldBe("380");
    }

    /// <summary>One transaction appends the event and deletes the snapshot, so the relay cannot see one without the
    /// other (a real rebuild's teardown does the deleting).</summary>
    private async Task<long> AppendVisitAndDeleteSnapshotAsync(string authority)
    {
        await using var connection = new NpgsqlConnection(Fixture.ConnectionString);
        await connection.OpenAsync();
        await using var tx = await connection.BeginTransactionAsync();
        await using (var session = Fixture.Store.LightweightSession(SessionOptions.ForTransaction(tx)))
        {
            var state = (await session.LoadAsync<Authority>(authority))!;
            var on = new DateOnly(2024, 3, 1);
            var command = new RecordMonitoringVisit(authority, new VisitInput(on.AddDays(-20), on.AddDays(-19), on, Reference), "test");
            session.Events.Append(authority, RecordMonitoringVisit.Decide(state, command, new Recorded("test", DateTimeOffset.UtcNow)));
            await session.SaveChangesAsync();
        }
        await using (var delete = new NpgsqlCommand($"delete from {TrackerStore.Schema}.mt_doc_authority where id = @id", connection, tx))
        {
            delete.Parameters.AddWithValue("id", authority);
            (await delete.ExecuteNonQueryAsync()).ShouldBe(1);
        }
        await using var max = new NpgsqlCommand($"select max(seq_id) from {TrackerStore.Schema}.mt_events", connection, tx);
        var sequence = (long)(await max.ExecuteScalarAsync())!;
        await tx.CommitAsync();
        return sequence;
    }

    private async Task<int> FeedStatusAsync()
    {
        var result = await Host.Scenario(s => { s.Get.Url("/api/events"); s.IgnoreStatusCode(); });
        return result.Context.Response.StatusCode;
    }

    private async Task<long> RelayProgressAsync()
    {
        await using var session = Fixture.Store.QuerySession();
        var rows = await session.AdvancedSql.QueryAsync<long>(
            $"select last_seq_id from {TrackerStore.Schema}.mt_event_progression where name = 'integrations:All'", CancellationToken.None);
        return rows.Count == 0 ? 0 : rows[0];
    }
}
