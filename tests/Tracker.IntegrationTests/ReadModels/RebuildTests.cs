using System.Text.Json;
using Marten;
using Tracker.Domain.Common;
using Tracker.Domain.Corrections;
using Tracker.Domain.Metrics;
using Tracker.Host.Rebuilds;
using Tracker.IntegrationTests.Support;
using Tracker.Projections.CurrentGrades;
using Tracker.Projections.National;
using Tracker.Domain.Authorities;

namespace Tracker.IntegrationTests.ReadModels;

public sealed class RebuildTests(TrackerFixture fixture) : IntegrationTest(fixture)
{
    private sealed record ReadModels(string Standings, string Authorities, string Facts, string Contributions, string Rows,
        string Scopes);

    /// <summary>Every document of every rebuildable projection, in id order; a row's areas are sorted, as the order in
    /// which a fold adds them to its dictionary does not change what it says.</summary>
    private async Task<ReadModels> SnapshotAsync()
    {
        await using var session = Fixture.Store.QuerySession();
        async Task<string> All<T>(Func<T, string> id, Func<T, object>? shape = null) where T : notnull =>
            JsonSerializer.Serialize((await session.Query<T>().ToListAsync()).OrderBy(id, StringComparer.Ordinal)
                .Select(d => shape is null ? d : shape(d)));
        return new ReadModels(
            await All<AuthorityStanding>(s => s.Id),
            await All<Authority>(a => a.Id),
            await All<KnownFact>(f => f.Id),
            await All<GradeContribution>(c => c.Id),
            await All<GradeDelta>(d => d.Id, d => new { d.Id, d.Scope, d.Day, Counts = d.Counts.OrderBy(c => c.Key, StringComparer.Ordinal) }),
            await All<GradeScope>(s => s.Id));
    }

    [Fact]
    public async Task Rebuilt_read_models_equal_the_live_ones_and_the_projections_rebuild_concurrently()
    {
        await Host.Inspection("380", FrameworkVersion.Ilacs2018, "2018-10-01", "b18", Grade.Inadequate);
        var wrong = await Host.Inspection("380", FrameworkVersion.Ilacs2023, "2024-02-01", "wrong", Grade.Good);
        await Host.Withdraw("380", wrong.FactId);
        var metric = await Host.Metric("380", MetricNames.ReviewTimeliness, "2013-14", 7.91m);
        await Host.Send(new CorrectFact("380", new CorrectionInput(metric.FactId, CorrectionAction.Correct, "decimal point",
            Metric: new MetricInput(null, 79.1m, null, null, "percent", null, null, null)), "test"));
        await Host.MonitoringVisit("383", "2020-01-01", "mv");
        await Host.Inspection("383", FrameworkVersion.Ilacs2023, "2023-05-02", "l23", Grade.Outstanding, Grade.Good);
        await Host.Inspection("928", FrameworkVersion.Ilacs2018, "2019-08-01", "n18", Grade.Inadequate);
        await ProjectionsCaughtUpAsync();
        var live = await SnapshotAsync();
        live.Rows.ShouldContain("england#d"); // the async picture has caught up, so there is something to compare

        // Tamper with the stored read models so that a rebuild that did nothing could not pass.
        await using (var session = Fixture.Store.LightweightSession())
        {
            session.DeleteWhere<Authority>(a => a.Id == "380");
            session.DeleteWhere<AuthorityStanding>(s => s.Id == "383");
            session.DeleteWhere<KnownFact>(f => f.AuthorityId == "380");
            session.DeleteWhere<GradeContribution>(c => c.Id == "928");
            session.DeleteWhere<GradeDelta>(d => d.Scope == "england#y");
            await session.SaveChangesAsync();
        }
        (await SnapshotAsync()).ShouldNotBe(live);

        var progress = new List<string>();
        var summaries = await ProjectionRebuild.RunAsync(Fixture.Store, null, progress.Add, CancellationToken.None);

        var rebuilt = await SnapshotAsync();
        rebuilt.Standings.ShouldBe(live.Standings);
        rebuilt.Authorities.ShouldBe(live.Authorities);
        rebuilt.Facts.ShouldBe(live.Facts);
        rebuilt.Contributions.ShouldBe(live.Contributions);
        rebuilt.Rows.ShouldBe(live.Rows);
        rebuilt.Scopes.ShouldBe(live.Scopes);
        summaries.Select(s => s.Projection).ShouldBe(["AuthorityStanding", "Authority", "KnownFacts", "GradePicture"]);
        // Concurrent: more than one projection had started before the first one finished (one after another gives
        // exactly one). Not "all four": on a busy machine a small projection can finish before the pool starts the last.
        var firstDone = progress.FindIndex(p => p.Contains("done"));
        firstDone.ShouldBeGreaterThan(0, string.Join('\n', progress));
        progress.Take(firstDone).Count(p => p.Contains("replaying")).ShouldBeGreaterThan(1, string.Join('\n', progress));
        progress.Count(p => p.Contains("done")).ShouldBe(4);
    }
}
