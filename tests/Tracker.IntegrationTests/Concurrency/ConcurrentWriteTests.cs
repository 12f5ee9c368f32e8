using System.Net;
using System.Net.Http.Json;
using Marten;
using Tracker.IntegrationTests.Inspections;
using Tracker.IntegrationTests.Support;

namespace Tracker.IntegrationTests.Concurrency;

public sealed class ConcurrentWriteTests(TrackerFixture fixture) : IntegrationTest(fixture)
{
    [Fact]
    public async Task A_stale_expected_version_is_a_409_and_a_stale_if_match_is_a_412()
    {
        await Host.Post("/api/authorities/380/inspections", RecordInspectionTests.Ilacs2023("a"));

        var conflict = await Host.PostProblem("/api/authorities/380/inspections?expectedVersion=1", RecordInspectionTests.Ilacs2023("b"), 409);
        conflict.Code.ShouldBe("version_conflict");
        var precondition = await Host.PostProblem("/api/authorities/380/inspections", RecordInspectionTests.Ilacs2023("b"), 412,
            s => s.WithRequestHeader("If-Match", "\"1\""));
        precondition.Code.ShouldBe("precondition_failed");

        (await Host.Post("/api/authorities/380/inspections", RecordInspectionTests.Ilacs2023("b"), configure: s => s.WithRequestHeader("If-Match", "\"2\"")))
            .Version.ShouldBe(3);
    }

    [Fact]
    public async Task A_malformed_if_match_is_a_400() =>
        (await Host.PostProblem("/api/authorities/380/inspections", RecordInspectionTests.Ilacs2023("a"), 400, s => s.WithRequestHeader("If-Match", "yesterday")))
            .Errors!.Keys.ShouldContain("If-Match");

    [Fact]
    public async Task Fifty_concurrent_writes_to_one_authority_never_fail_with_500_and_the_stream_holds_exactly_the_successes()
    {
        var client = Fixture.CreateClient();
        var answers = await Task.WhenAll(Enumerable.Range(0, 50).Select(i =>
            client.PostAsJsonAsync("/api/authorities/380/inspections", RecordInspectionTests.Ilacs2023($"concurrent-{i}"))));

        answers.Select(a => a.StatusCode).ShouldAllBe(s => s == HttpStatusCode.Created || s == HttpStatusCode.Conflict);
        var created = answers.Count(a => a.StatusCode == HttpStatusCode.Created);
        created.ShouldBeGreaterThan(0);
        await using var session = Fixture.Store.QuerySession();
        var events = await session.Events.FetchStreamAsync("380");
        (events.Count - 1).ShouldBe(created);
        events.Select(e => e.Version).ShouldBe(Enumerable.Range(1, events.Count).Select(v => (long)v));
    }

    [Fact]
    public async Task The_same_report_sent_ten_times_at_once_is_recorded_once()
    {
        var client = Fixture.CreateClient();
        var answers = await Task.WhenAll(Enumerable.Range(0, 10).Select(_ =>
            client.PostAsJsonAsync("/api/authorities/380/inspections", RecordInspectionTests.Ilacs2023("same"))));

        // Exact: one 201, nine 200 already_recorded. A lost race must be decided again, not answered 409.
        var statuses = answers.Select(a => a.StatusCode).ToList();
        statuses.Count(s => s == HttpStatusCode.Created).ShouldBe(1, string.Join(", ", statuses));
        statuses.Count(s => s == HttpStatusCode.OK).ShouldBe(9, string.Join(", ", statuses));
        foreach (var ok in answers.Where(a => a.StatusCode == HttpStatusCode.OK))
            (await ok.Content.ReadFromJsonAsync<WriteAnswer>())!.Status.ShouldBe("already_recorded");
        await using var session = Fixture.Store.QuerySession();
        (await session.Events.FetchStreamAsync("380")).Count.ShouldBe(2);
    }

    [Fact]
    public async Task Fifty_racing_writes_with_the_same_if_match_give_exactly_one_success_and_the_rest_412()
    {
        var client = Fixture.CreateClient();
        var answers = await Task.WhenAll(Enumerable.Range(0, 50).Select(i =>
        {
            var request = new HttpRequestMessage(HttpMethod.Post, "/api/authorities/380/inspections")
                { Content = JsonContent.Create(RecordInspectionTests.Ilacs2023($"if-match-{i}")) };
            request.Headers.TryAddWithoutValidation("If-Match", "\"1\"");
            return client.SendAsync(request);
        }));

        answers.Count(a => a.StatusCode == HttpStatusCode.Created).ShouldBe(1);
        answers.Count(a => a.StatusCode == HttpStatusCode.PreconditionFailed).ShouldBe(49);
        await using var session = Fixture.Store.QuerySession();
        (await session.Events.FetchStreamAsync("380")).Count.ShouldBe(2);
    }

    [Fact]
    public async Task Racing_writes_mixing_if_match_expected_version_and_none_answer_only_2xx_409_or_412_and_the_stream_holds_the_successes()
    {
        var client = Fixture.CreateClient();
        var answers = await Task.WhenAll(Enumerable.Range(0, 50).Select(i =>
        {
            var url = i % 3 == 1 ? "/api/authorities/380/inspections?expectedVersion=1" : "/api/authorities/380/inspections";
            var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = JsonContent.Create(RecordInspectionTests.Ilacs2023($"mixed-{i % 40}")) };
            if (i % 3 == 2) request.Headers.TryAddWithoutValidation("If-Match", "\"1\"");
            return client.SendAsync(request);
        }));

        answers.Select(a => (int)a.StatusCode).ShouldAllBe(s => s == 200 || s == 201 || s == 409 || s == 412);
        var created = answers.Count(a => a.StatusCode == HttpStatusCode.Created);
        await using var session = Fixture.Store.QuerySession();
        var events = await session.Events.FetchStreamAsync("380");
        (events.Count - 1).ShouldBe(created);
        events.Select(e => e.Version).ShouldBe(Enumerable.Range(1, events.Count).Select(v => (long)v));
    }
}
