using System.Text.Json;
using Marten;
using Tracker.Domain.Authorities;
using Tracker.Domain.Common;
using Tracker.IntegrationTests.Support;

namespace Tracker.IntegrationTests.Writes;

/// <summary>Duplicates are recognised from per-fact documents, so the authority's snapshot does not grow with its stream.</summary>
public sealed class KnownFactsTests(TrackerFixture fixture) : IntegrationTest(fixture)
{
    private async Task<int> SnapshotBytesAsync(string authority)
    {
        await using var session = Fixture.Store.QuerySession();
        var json = await session.Json.FindByIdAsync<Authority>(authority);
        return json!.Length;
    }

    private static string Year(int i) => $"{1995 + i}-{(96 + i) % 100:00}";

    [Fact]
    public async Task The_snapshot_stays_the_same_size_as_facts_are_recorded_and_a_resent_fact_is_still_recognised()
    {
        var before = await SnapshotBytesAsync("380");
        for (var i = 0; i < 30; i++)
            await Host.Metric("380", "iro_reviews_in_timescale", Year(i), 70 + i);
        // Only the version's digits may change; a per-fact entry would add about a hundred bytes per fact.
        (await SnapshotBytesAsync("380")).ShouldBeLessThanOrEqualTo(before + 3, "the snapshot holds no per-fact entries");

        await using var session = Fixture.Store.QuerySession();
        var known = await session.Query<KnownFact>().Where(f => f.AuthorityId == "380").ToListAsync();
        known.Count.ShouldBe(30);
        known.ShouldAllBe(f => f.State.Kind == FactKinds.Metric && !f.State.Withdrawn);

        var again = await Host.Metric("380", "iro_reviews_in_timescale", Year(0), 70);
        again.AlreadyRecorded.ShouldBeTrue("the resent observation is found by its fact id");
    }

    [Fact]
    public async Task A_withdrawal_is_kept_on_the_fact_document_and_the_rebuilt_projection_gives_the_same_documents()
    {
        var recorded = await Host.Metric("380", "iro_reviews_in_timescale", "2015-16", 91);
        await Host.Withdraw("380", recorded.FactId);
        await using (var session = Fixture.Store.QuerySession())
            (await session.LoadAsync<KnownFact>(KnownFact.Key("380", recorded.FactId)))!.State.Withdrawn.ShouldBeTrue();

        string Snapshot(IEnumerable<KnownFact> facts) => JsonSerializer.Serialize(facts.OrderBy(f => f.Id).Select(f => new { f.Id, f.State }));
        await using var read = Fixture.Store.QuerySession();
        var live = Snapshot(await read.Query<KnownFact>().ToListAsync());

        using var daemon = await Fixture.Store.BuildProjectionDaemonAsync();
        await daemon.RebuildProjectionAsync("KnownFacts", CancellationToken.None);

        await using var after = Fixture.Store.QuerySession();
        Snapshot(await after.Query<KnownFact>().ToListAsync()).ShouldBe(live);
    }
}
