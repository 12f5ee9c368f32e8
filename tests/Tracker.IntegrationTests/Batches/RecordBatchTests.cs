using Alba;
using Marten;
using Tracker.IntegrationTests.Support;

namespace Tracker.IntegrationTests.Batches;

public sealed class RecordBatchTests(TrackerFixture fixture) : IntegrationTest(fixture)
{
    private sealed record ItemAnswer(int Index, string Status, string Authority, string FactId, long Version);

    private sealed record BatchAnswer(int Recorded, int AlreadyRecorded, List<ItemAnswer> Results);

    private static object Metric(string authority, string year, decimal value, string source = "batch-test") => new
    {
        type = "metric", authority,
        fact = new { metric = "iro_review_timeliness", value, unit = "percent", period = new { kind = "financial_year", label = year }, reportReference = source },
    };

    private static object Visit(string authority, string published) => new
    {
        type = "monitoring-visit", authority,
        fact = new { startDate = published, endDate = published, publishedOn = published, reportReference = $"mv-{authority}-{published}" },
    };

    private async Task<BatchAnswer> Send(int status, params object[] commands)
    {
        var result = await Host.Scenario(s => { s.Post.Json(new { commands }).ToUrl("/api/batches"); s.StatusCodeShouldBe(status); });
        return await result.Read<BatchAnswer>();
    }

    private async Task<long> EventCountAsync()
    {
        await using var session = Fixture.Store.QuerySession();
        return await session.Events.QueryAllRawEvents().CountAsync();
    }

    [Fact]
    public async Task A_batch_records_commands_of_several_types_for_several_authorities_in_order()
    {
        var before = await EventCountAsync();
        var answer = await Send(201, Metric("380", "2013-14", 79.1m), Metric("380", "2015-16", 98.4m), Visit("bradford", "2020-01-10"), Metric("E09000002", "2014-15", 80m));

        (answer.Recorded, answer.AlreadyRecorded).ShouldBe((4, 0));
        answer.Results.Select(r => (r.Index, r.Authority)).ShouldBe([(0, "380"), (1, "380"), (2, "380"), (3, "301")]);
        answer.Results[1].Version.ShouldBe(answer.Results[0].Version + 1);
        answer.Results[2].Version.ShouldBe(answer.Results[0].Version + 2);
        (await EventCountAsync()).ShouldBe(before + 4);
        var current = await Host.GetJson<Dictionary<string, object>>("/api/authorities/380/timeline");
        current["entries"].ToString()!.ShouldContain("98.4");
    }

    [Fact]
    public async Task Resubmitting_a_batch_records_nothing_twice()
    {
        object[] batch = [Metric("380", "2013-14", 79.1m), Visit("383", "2021-05-01")];
        var before = await EventCountAsync();
        await Send(201, batch);
        var again = await Send(200, batch);

        (again.Recorded, again.AlreadyRecorded).ShouldBe((0, 2));
        again.Results.ShouldAllBe(r => r.Status == "already_recorded");
        (await EventCountAsync()).ShouldBe(before + 2);
    }

    [Fact]
    public async Task One_invalid_command_rejects_the_whole_batch_and_names_it_by_index()
    {
        var before = await EventCountAsync();
        var result = await Host.Scenario(s =>
        {
            s.Post.Json(new { commands = new[] { Metric("380", "2013-14", 79.1m), Metric("380", "not-a-year", 50m) } }).ToUrl("/api/batches");
            s.StatusCodeShouldBe(400);
        });
        var problem = await result.Read<Problem>();

        problem.Errors!.Keys.ShouldContain(k => k.StartsWith("commands[1].", StringComparison.Ordinal));
        problem.Title!.ShouldContain("1 of 2 commands");
        (await EventCountAsync()).ShouldBe(before);
    }

    [Fact]
    public async Task An_unknown_authority_is_a_404_and_nothing_is_recorded()
    {
        var before = await EventCountAsync();
        var problem = await Host.PostProblem("/api/batches", new { commands = new[] { Metric("380", "2013-14", 79.1m), Metric("999", "2013-14", 79.1m) } }, 404);

        problem.Errors!.Keys.ShouldBe(["commands[1].authority"]);
        (await EventCountAsync()).ShouldBe(before);
    }

    [Fact]
    public async Task Malformed_items_an_unknown_type_and_an_oversized_batch_are_400s()
    {
        var before = await EventCountAsync();
        var bad = await Host.PostProblem("/api/batches", new { commands = new object?[] { null, new { type = "gossip", authority = "380", fact = new { } }, new { type = "metric", authority = "380", fact = "x" } } }, 400);
        bad.Errors!.Keys.ShouldBe(["commands[0]", "commands[1].type", "commands[2].fact"], ignoreOrder: true);

        var empty = await Host.PostProblem("/api/batches", new { commands = Array.Empty<object>() }, 400);
        empty.Errors!.Keys.ShouldBe(["commands"]);

        var tooMany = await Host.PostProblem("/api/batches", new { commands = Enumerable.Range(0, 501).Select(i => Metric("380", "2013-14", i)).ToArray() }, 400);
        tooMany.Errors!["commands"].Single().ShouldContain("at most 500");
        (await EventCountAsync()).ShouldBe(before);
    }

    [Fact]
    public async Task Two_batches_racing_on_one_authority_both_land_without_losing_an_event()
    {
        var before = await EventCountAsync();
        var years = new[] { "2010-11", "2011-12", "2012-13", "2013-14", "2014-15", "2015-16" };
        var racing = Enumerable.Range(0, 2).Select(b => Host.Scenario(s =>
        {
            s.Post.Json(new { commands = years.Select(y => Metric("380", y, 50m, $"source-{b}")).ToArray() }).ToUrl("/api/batches");
            s.StatusCodeShouldBe(201);
        }));
        await Task.WhenAll(racing);

        (await EventCountAsync()).ShouldBe(before + 12);
        await using var session = Fixture.Store.QuerySession();
        var events = await session.Events.FetchStreamAsync("380");
        events.Select(e => e.Version).ShouldBe(Enumerable.Range(1, events.Count).Select(v => (long)v));
    }

    [Fact]
    public async Task A_reader_key_cannot_send_a_batch()
    {
        await Host.Scenario(s =>
        {
            s.Post.Json(new { commands = new[] { Metric("380", "2013-14", 79.1m) } }).ToUrl("/api/batches");
            s.WithRequestHeader("Authorization", TestKeys.Bearer(TestKeys.Reader));
            s.StatusCodeShouldBe(403);
        });
    }
}
