using System.Text.Json;
using Marten;
using Tracker.Domain.Common;
using Tracker.Domain.Corrections;
using Tracker.Domain.Metrics;
using Tracker.Host.Rebuilds;
using Tracker.IntegrationTests.Support;
using Tracker.Projections.CurrentGrades;
using Tracker.Domain.Authorities;

namespace Tracker.IntegrationTests.ReadModels;

public sealed class RebuildTests(TrackerFixture fixture) : IntegrationTest(fixture)
{
    private async Task<(string Standings, string Authorities, string Facts)> SnapshotAsync()
    {
        await using var session = Fixture.Store.QuerySession();
        var standings = (await session.Query<AuthorityStanding>().ToListAsync()).OrderBy(s => s.Id, StringComparer.Ordinal);
        var authorities = (await session.Query<Authority>().ToListAsync()).OrderBy(a => a.Id, StringComparer.Ordinal);
        var facts = (await session.Query<KnownFact>().ToListAsync()).OrderBy(f => f.Id, StringComparer.Ordinal);
        return (JsonSerializer.Serialize(standings), JsonSerializer.Serialize(authorities), JsonSerializer.Serialize(facts));
    }

    [Fact]
    public async Task Rebuilt_read_models_equal_the_live_ones()
    {
        await Host.Inspection("380", FrameworkVersion.Ilacs2018, "2018-10-01", "b18", Grade.Inadequate);
        var wrong = await Host.Inspection("380", FrameworkVersion.Ilacs2023, "2024-02-01", "wrong", Grade.Good);
        await Host.Withdraw("380", wrong.FactId);
        var metric = await Host.Metric("380", MetricNames.ReviewTimeliness, "2013-14", 7.91m);
        await Host.Send(new CorrectFact("380", new CorrectionInput(metric.FactId, CorrectionAction.Correct, "decimal point",
            Metric: new MetricInput(null, 79.1m, null, null, "percent", null, null, null)), "test"));
        await Host.MonitoringVisit("383", "2020-01-01", "mv");
        var live = await SnapshotAsync();

        // Tamper with the stored read models so that a rebuild that did nothing could not pass.
        await using (var session = Fixture.Store.LightweightSession())
        {
            session.DeleteWhere<Authority>(a => a.Id == "380");
            session.DeleteWhere<AuthorityStanding>(s => s.Id == "383");
            session.DeleteWhere<KnownFact>(f => f.AuthorityId == "380");
            await session.SaveChangesAsync();
        }
        (await SnapshotAsync()).ShouldNotBe(live);

        var progress = new List<string>();
        var summaries = await ProjectionRebuild.RunAsync(Fixture.Store, null, progress.Add, CancellationToken.None);

        var rebuilt = await SnapshotAsync();
        rebuilt.Standings.ShouldBe(live.Standings);
        rebuilt.Authorities.ShouldBe(live.Authorities);
        rebuilt.Facts.ShouldBe(live.Facts);
        summaries.Select(s => s.Projection).ShouldBe(["AuthorityStanding", "Authority", "KnownFacts", "GradePicture"]);
        progress.ShouldContain(p => p.Contains("done"));
    }
}
