using Npgsql;
using Tracker.IntegrationTests.Support;

namespace Tracker.IntegrationTests.Integrations;

public sealed class FeedConcurrencyTests(TrackerFixture fixture) : IntegrationTest(fixture)
{
    [Fact]
    public async Task A_reader_following_the_feed_under_concurrent_writers_sees_every_sequence_in_order_exactly_once()
    {
        string[] authorities = ["380", "301", "302", "370", "800", "330", "889", "303"];
        using var stop = new CancellationTokenSource();
        var seen = new List<long>();
        var reader = Task.Run(async () =>
        {
            var after = "0";
            while (true)
            {
                var page = await Host.FeedAsync($"after={after}&limit=7&type=tracker.inspection.recorded");
                seen.AddRange(page.Items.Select(i => IntegrationDsl.PositionSequence(i.Sequence)));
                if (page.Next == after)
                {
                    if (stop.IsCancellationRequested) return;
                    await Task.Delay(20);
                }
                after = page.Next;
            }
        });

        // Writers race on the same streams: lost races roll back and leave sequence gaps that commit never fills.
        var writers = Enumerable.Range(0, 4).Select(w => Task.Run(async () =>
        {
            for (var i = 0; i < 6; i++)
                foreach (var authority in authorities.Skip(w % 2))
                {
                    // A race lost past the server's retries answers 409, which is a documented answer; the feed is
                    // compared with what the store committed, so a lost write only shrinks the expected set.
                    var body = IntegrationDsl.Inspection($"https://files.ofsted.gov.uk/v1/file/{w}-{i}-{authority}", new DateOnly(2023, 6, 1).AddDays(i * 30 + w));
                    var result = await Host.Scenario(s => { s.Post.Json(body).ToUrl($"/api/authorities/{authority}/inspections"); s.IgnoreStatusCode(); });
                    result.Context.Response.StatusCode.ShouldBeOneOf(201, 409);
                }
        })).ToArray();
        await Task.WhenAll(writers);

        var committed = await CommittedInspectionSequencesAsync();
        await Eventually.GetAsync(() => Host.FeedAsync(), p => p.HighWaterMark >= committed[^1], TimeSpan.FromSeconds(30), "the high-water mark");
        await stop.CancelAsync();
        await reader;

        seen.ShouldBe(committed);
    }

    private async Task<List<long>> CommittedInspectionSequencesAsync()
    {
        await using var connection = new NpgsqlConnection(Fixture.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("select seq_id from tracker.mt_events where type = 'inspection_recorded' order by seq_id", connection);
        var result = new List<long>();
        await using var rows = await command.ExecuteReaderAsync();
        while (await rows.ReadAsync()) result.Add(rows.GetInt64(0));
        return result;
    }
}
