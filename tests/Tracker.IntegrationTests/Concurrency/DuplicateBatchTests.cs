using System.Net;
using System.Net.Http.Json;
using Marten;
using Tracker.IntegrationTests.Support;

namespace Tracker.IntegrationTests.Concurrency;

public sealed class DuplicateBatchTests(TrackerFixture fixture) : IntegrationTest(fixture)
{
    private sealed record BatchAnswer(int Recorded, int AlreadyRecorded);

    /// <summary>A client retrying a batch (or two clients holding the same one) must get exact answers: one records it,
    /// every other says already recorded, and each fact is in its stream once.</summary>
    [Fact]
    public async Task Twenty_parallel_posts_of_one_batch_give_one_201_and_nineteen_200_already_recorded_and_each_fact_once()
    {
        var client = Fixture.CreateClient();
        var batch = new { commands = new[] { Metric("380", "2015-16"), Metric("380", "2016-17"), Metric("383", "2015-16") } };
        var answers = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => client.PostAsJsonAsync("/api/batches", batch)));

        var statuses = answers.Select(a => a.StatusCode).ToList();
        statuses.Count(s => s == HttpStatusCode.Created).ShouldBe(1, string.Join(", ", statuses));
        statuses.Count(s => s == HttpStatusCode.OK).ShouldBe(19, string.Join(", ", statuses));
        var bodies = await Task.WhenAll(answers.Select(a => a.Content.ReadFromJsonAsync<BatchAnswer>()));
        bodies.Sum(b => b!.Recorded).ShouldBe(3, "three facts recorded in all, by exactly one answer");
        bodies.Count(b => b!.AlreadyRecorded == 3).ShouldBe(19);
        await using var session = Fixture.Store.QuerySession();
        (await session.Events.FetchStreamAsync("380")).Count.ShouldBe(3);
        (await session.Events.FetchStreamAsync("383")).Count.ShouldBe(2);
    }

    private static object Metric(string authority, string year) => new
    {
        type = "metric", authority,
        fact = new { metric = "iro_review_timeliness", value = 61.5m, unit = "percent",
            period = new { kind = "financial_year", label = year }, reportReference = "https://example.org/duplicate-batch" },
    };
}
