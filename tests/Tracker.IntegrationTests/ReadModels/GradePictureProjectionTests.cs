using Tracker.Domain.Common;
using Tracker.Domain.Corrections;
using Tracker.Domain.Inspections;
using Tracker.IntegrationTests.Support;
using Tracker.Projections;

namespace Tracker.IntegrationTests.ReadModels;

/// <summary>
/// The async GradePicture projection, through the real daemon: its answers (no knownAt) must equal the pictures folded
/// from the events (knownAt in the future folds every event with GradePictures.Compute), on many dates, areas and scopes.
/// </summary>
public sealed class GradePictureProjectionTests(TrackerFixture fixture) : IntegrationTest(fixture)
{
    private static readonly string[] Scopes = ["/api/national", "/api/regions/london", "/api/regions/E12000003", "/api/regions/east-midlands"];

    private async Task HistoryAsync()
    {
        // Out of order publication dates, a same-day pair, an overall-only grade, a correction that moves a date and a
        // grade, a withdrawal, and the register's own formation/abolition (Northamptonshire 928 -> 940/941 in 2021).
        await Host.Inspection("380", FrameworkVersion.Ilacs2023, "2024-02-01", "b23", Grade.Good, Grade.RequiresImprovement);
        await Host.Inspection("380", FrameworkVersion.Ilacs2018, "2018-10-01", "b18", Grade.Inadequate);
        await Host.Inspection("383", FrameworkVersion.Ilacs2018, "2019-01-10", "l18", Grade.Outstanding);
        await Host.Inspection("383", FrameworkVersion.Ilacs2018, "2019-01-10", "l18b", Grade.Good);
        await Host.Inspection("928", FrameworkVersion.Ilacs2018, "2019-08-01", "n18", Grade.Inadequate);
        await Host.Inspection("940", FrameworkVersion.Ilacs2023, "2023-03-01", "nn23", Grade.RequiresImprovement, Grade.NotApplicable);
        await Host.Inspection("302", FrameworkVersion.Ilacs2023, "2023-06-01", "bn23", Grade.Good);
        var wrong = await Host.Inspection("302", FrameworkVersion.Ilacs2023, "2025-06-01", "bn25", Grade.Inadequate);
        await Host.Withdraw("302", wrong.FactId);
        var typo = await Host.Inspection("202", FrameworkVersion.Sif2013, "2015-05-05", "cam15", Grade.Inadequate);
        var corrected = new InspectionInput(FrameworkVersion.Ilacs2018, InspectionKind.Standard, new DateOnly(2019, 1, 1), new DateOnly(2019, 1, 10),
            new DateOnly(2019, 3, 3), "cam15", JudgementAreas.For(FrameworkVersion.Ilacs2018).ToDictionary(a => a, _ => (Grade?)Grade.Outstanding));
        await Host.Send(new CorrectFact("202", new CorrectionInput(typo.FactId, CorrectionAction.Correct, "wrong framework and date", corrected), "test"));
    }

    [Fact]
    public async Task Stored_pictures_equal_the_pictures_folded_from_the_events_on_every_checked_date_area_and_scope()
    {
        await HistoryAsync();
        await ProjectionsCaughtUpAsync();
        var everything = Uri.EscapeDataString(DateTimeOffset.UtcNow.AddDays(1).ToString("O"));
        var days = new[] { "2012-01-01", "2015-05-04", "2015-05-05", "2018-10-01", "2019-01-10", "2019-03-02", "2019-03-03", "2020-03-31",
            "2021-03-31", "2021-04-01", "2023-06-01", "2024-03-31", "2025-06-01", "2026-11-27" };
        var checkedCount = 0;
        foreach (var scope in Scopes)
        foreach (var day in days)
        foreach (var area in new[] { JudgementAreas.Overall, JudgementAreas.HelpAndProtection, JudgementAreas.ChildrenInCare, JudgementAreas.Adoption })
        {
            var stored = await Host.GetJson<NationalPictureTests.Picture>($"{scope}?area={area}&asOf={day}");
            var folded = await Host.GetJson<NationalPictureTests.Picture>($"{scope}?area={area}&asOf={day}&knownAt={everything}");
            stored.ShouldBe(folded, $"{scope} {area} {day}");
            checkedCount++;
        }
        checkedCount.ShouldBe(Scopes.Length * days.Length * 4);
        var camden = await Host.GetJson<NationalPictureTests.Picture>("/api/regions/london?area=overall&asOf=2019-03-03");
        camden.Outstanding.ShouldBe(1);
    }

    [Fact]
    public async Task A_rebuild_of_the_projection_gives_the_same_pictures()
    {
        await HistoryAsync();
        await ProjectionsCaughtUpAsync();
        var before = await Host.GetJson<NationalPictureTests.Picture>("/api/national?asOf=2024-03-31");
        var summaries = await Tracker.Host.Rebuilds.ProjectionRebuild.RunAsync(Fixture.Store, "GradePicture", _ => { }, CancellationToken.None);
        summaries.ShouldHaveSingleItem().Documents.ShouldBeGreaterThan(0);
        (await Host.GetJson<NationalPictureTests.Picture>("/api/national?asOf=2024-03-31")).ShouldBe(before);
        TrackerStore.RebuildableProjections.ShouldContain("GradePicture");
    }
}
