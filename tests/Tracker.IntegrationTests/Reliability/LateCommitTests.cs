using System.Net.Http.Json;
using Marten;
using Marten.Services;
using Npgsql;
using Tracker.Domain.Authorities;
using Tracker.Domain.Common;
using Tracker.Domain.Inspections;
using Tracker.IntegrationTests.Integrations;
using Tracker.IntegrationTests.Support;
using Tracker.Projections;
using Tracker.Projections.National;
using Xunit.Abstractions;

namespace Tracker.IntegrationTests.Reliability;

/// <summary>
/// A transaction that reserved an event sequence and stays open far past the daemon's stale-sequence threshold (1 s
/// here) while later appends commit: the daemon holds the high-water mark below it instead of skipping it, so once it
/// commits the late event reaches the feed, the webhook receiver and GradePicture like any other.
/// </summary>
[Collection(ReliabilityCollection.Name)]
[Trait("Category", "Slow")]
public sealed class LateCommitTests(ReliabilityFixture fixture, ITestOutputHelper output)
{
    private const string Late = "301";

    [Fact]
    public async Task An_event_committed_long_after_later_ones_is_not_skipped_by_the_feed_webhooks_or_grade_picture()
    {
        var run = Guid.NewGuid().ToString("N")[..8];
        await using var receiver = await WebhookReceiver.StartAsync();
        var subscription = await fixture.Host.SubscribeAsync(new { url = receiver.Url, types = new[] { "tracker.inspection.recorded" } });
        receiver.Secret = subscription.Secret!;
        using var client = fixture.CreateClient();
        var lateReference = $"https://example.org/late-{run}";
        var inspectionsBefore = await InspectionsCountedAsync();

        await using var connection = new NpgsqlConnection(fixture.ConnectionString + ";Pooling=false");
        await connection.OpenAsync();
        await using var tx = await connection.BeginTransactionAsync();
        long lateSequence;
        await using (var session = fixture.Store.LightweightSession(SessionOptions.ForTransaction(tx)))
        {
            var state = (await session.LoadAsync<Authority>(Late))!;
            var on = new DateOnly(2024, 5, 1);
            var grades = JudgementAreas.For(FrameworkVersion.Ilacs2023).ToDictionary(a => a, _ => (Grade?)Grade.Inadequate);
            var command = new RecordInspection(Late, new InspectionInput(FrameworkVersion.Ilacs2023, InspectionKind.Standard,
                on.AddDays(-40), on.AddDays(-30), on, lateReference, grades), "late-test");
            session.Events.Append(Late, command.Decide(state, new Recorded("late-test", DateTimeOffset.UtcNow)));
            await session.SaveChangesAsync(); // inside the caller's transaction: not committed
        }
        await using (var max = new NpgsqlCommand($"select max(seq_id) from {TrackerStore.Schema}.mt_events", connection, tx))
            lateSequence = (long)(await max.ExecuteScalarAsync())!;

        // Later appends commit around the open one, for five times the threshold.
        var others = ReliabilityFixture.Authorities.Where(a => a != Late).ToList();
        for (var i = 0; i < others.Count; i++)
        {
            await ReliabilityFixture.PostUntilAcknowledgedAsync(client, $"/api/authorities/{others[i]}/inspections",
                ReliabilityFixture.Inspection($"https://example.org/around-{run}-{i}"), TimeSpan.FromSeconds(30));
            await Task.Delay(700);
        }
        var held = await fixture.ProgressAsync();
        output.WriteLine($"late sequence {lateSequence}, highest committed {held.Highest}, mark while open {held.Mark}");
        held.Highest.ShouldBeGreaterThan(lateSequence, "later events committed around the open transaction");
        held.Mark.ShouldBeLessThan(lateSequence, "the daemon must hold its mark below a sequence a live transaction may still fill");

        await tx.CommitAsync();
        output.WriteLine($"all caught up {(int)(await fixture.CaughtUpAsync(TimeSpan.FromSeconds(30))).TotalMilliseconds} ms after the late commit");

        var feed = await fixture.Host.AllEventsAsync();
        feed.Count(e => e.Data.GetRawText().Contains(lateReference, StringComparison.Ordinal)).ShouldBe(1, "the late event is on the feed");
        try
        {
            await Eventually.TrueAsync(() => receiver.Received.Any(r => r.Body.Contains(lateReference, StringComparison.Ordinal))
                    && receiver.Received.Count(r => r.Body.Contains($"around-{run}", StringComparison.Ordinal)) >= others.Count,
                TimeSpan.FromSeconds(90), "the late event's webhook and the others'");
        }
        catch (TimeoutException e)
        {
            var deliveries = await fixture.CreateClient(TestKeys.Admin).GetStringAsync($"/api/subscriptions/{subscription.Id}/deliveries");
            throw new TimeoutException($"{e.Message} Received {receiver.Received.Count}; deliveries: {deliveries}", e);
        }
        await Task.Delay(1000); // a duplicate would land by now
        receiver.Received.Count(r => r.Body.Contains(lateReference, StringComparison.Ordinal)).ShouldBe(1);
        receiver.Received.Count(r => r.Body.Contains($"around-{run}", StringComparison.Ordinal)).ShouldBe(others.Count);
        receiver.Received.ShouldAllBe(r => r.SignatureValid);
        (await InspectionsCountedAsync()).ShouldBe(inspectionsBefore + 1, "GradePicture counts the late inspection");
        await client.DeleteAsync($"/api/subscriptions/{subscription.Id}");
    }

    private async Task<int> InspectionsCountedAsync()
    {
        await using var session = fixture.Store.QuerySession();
        return (await session.LoadAsync<GradeContribution>(Late))?.Inspections.Count ?? 0;
    }
}
