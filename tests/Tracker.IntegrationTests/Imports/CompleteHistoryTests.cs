using Marten;
using Tracker.Domain.Inspections;
using Tracker.IntegrationTests.Support;

namespace Tracker.IntegrationTests.Imports;

/// <summary>The complete official history (497 reports, 153 authorities) through the real import endpoint.</summary>
public sealed class CompleteHistoryTests(TrackerFixture fixture) : IntegrationTest(fixture)
{
    public sealed record Picture(int Authorities, int Outstanding, int Good, int RequiresImprovement, int Inadequate, int Ungraded,
        int Graded, decimal? GoodOrOutstandingPercent);

    [Fact]
    public async Task Every_report_becomes_a_fact_none_is_refused_and_a_reimport_appends_nothing()
    {
        var summary = await Host.ImportAsync(ImportFiles.CompleteHistory, "text/csv");

        summary.Read.ShouldBe(497);
        summary.Rejected.ShouldBeEmpty();
        summary.Appended.ShouldBe(497);
        await using (var session = Fixture.Store.QuerySession())
            (await session.Events.QueryRawEventDataOnly<InspectionRecorded>().CountAsync()).ShouldBe(497);
        summary.NotesByReason.ShouldContainKey("framework_not_stated");
        summary.NotesByReason["framework_not_stated"].ShouldBe(8, "the eight reports published before November 2013");

        var again = await Host.ImportAsync(ImportFiles.CompleteHistory, "text/csv");
        (again.Appended, again.Corrected, again.DuplicatesSkipped).ShouldBe((0, 0, 497));
    }

    /// <summary>Ofsted's published figure for 31 March 2024 is 60% good or outstanding.</summary>
    [Fact]
    public async Task The_national_picture_on_31_March_2024_grades_nearly_every_authority_and_matches_ofsted_within_a_point()
    {
        await Host.ImportAsync(ImportFiles.CompleteHistory, "text/csv");
        await ProjectionsCaughtUpAsync();

        var picture = await Host.GetJson<Picture>("/api/national?area=overall&asOf=2024-03-31");

        picture.Graded.ShouldBeGreaterThanOrEqualTo(150);
        picture.GoodOrOutstandingPercent!.Value.ShouldBeInRange(59.0m, 61.0m);
    }
}
