using System.Net;
using System.Net.Http.Json;
using Marten;
using Tracker.IntegrationTests.Inspections;
using Tracker.IntegrationTests.Support;

namespace Tracker.IntegrationTests.Concurrency;

public sealed class DuplicateSubmissionTests(TrackerFixture fixture) : IntegrationTest(fixture)
{
    /// <summary>A client retrying (or several clients holding the same report) must never be told its report conflicts with itself.</summary>
    [Fact]
    public async Task Twenty_parallel_posts_of_one_inspection_give_one_201_and_nineteen_already_recorded_never_409()
    {
        var client = Fixture.CreateClient();
        var body = RecordInspectionTests.Ilacs2023("https://files.ofsted.gov.uk/v1/file/duplicate-race");
        var answers = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => client.PostAsJsonAsync("/api/authorities/380/inspections", body)));

        var statuses = answers.Select(a => a.StatusCode).ToList();
        statuses.Count(s => s == HttpStatusCode.Created).ShouldBe(1, string.Join(", ", statuses));
        statuses.Count(s => s == HttpStatusCode.OK).ShouldBe(19, string.Join(", ", statuses));
        foreach (var ok in answers.Where(a => a.StatusCode == HttpStatusCode.OK))
            (await ok.Content.ReadFromJsonAsync<WriteAnswer>())!.Status.ShouldBe("already_recorded");
        await using var session = Fixture.Store.QuerySession();
        (await session.Events.FetchStreamAsync("380")).Count.ShouldBe(2);
    }
}
