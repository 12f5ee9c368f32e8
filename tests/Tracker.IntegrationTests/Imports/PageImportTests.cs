using Alba;
using Marten;
using Tracker.Domain.Common;
using Tracker.Domain.Corrections;
using Tracker.Domain.Findings;
using Tracker.Domain.Inspections;
using Tracker.Domain.Metrics;
using Tracker.Host.Imports.IroPage;
using Tracker.IntegrationTests.Support;

namespace Tracker.IntegrationTests.Imports;

public sealed class PageImportTests(TrackerFixture fixture) : IntegrationTest(fixture)
{
    private async Task<List<object>> EventsOf(string authorityId)
    {
        await using var session = Fixture.Store.QuerySession();
        return (await session.Events.FetchStreamAsync(authorityId)).Select(e => e.Data).ToList();
    }

    private async Task<List<MetricDetails>> TimelinessOf(string authorityId) =>
        (await EventsOf(authorityId)).OfType<MetricObserved>().Select(m => m.Details).Where(d => d.Metric == MetricNames.ReviewTimeliness).ToList();

    private Task<List<HeldSection>> Held() => Host.GetJson<List<HeldSection>>("/api/imports/unattributed");

    private async Task<AttributionResult> Attribute(string id, string authority) =>
        await (await Host.Scenario(s => { s.Post.Json(new { authority }).ToUrl($"/api/imports/unattributed/{id}/attribute"); s.StatusCodeShouldBeOk(); }))
            .Read<AttributionResult>();

    [Fact]
    public async Task Named_sections_record_their_sif_grade_on_the_right_authority_with_no_invented_dates()
    {
        var summary = await Host.ImportAsync(ImportFiles.Page, "text/plain");

        summary.Read.ShouldBe(57);
        summary.Unattributed.ShouldBe(30);
        summary.UnmatchedNames.ShouldBeEmpty();
        summary.Rejected.ShouldBeEmpty();

        foreach (var (authority, grade) in new[] { ("305", Grade.Inadequate), ("800", Grade.Good), ("896", Grade.Good), ("380", Grade.Good), ("845", Grade.Good) })
        {
            var sif = (await EventsOf(authority)).OfType<InspectionRecorded>().Single().Details;
            sif.Framework.ShouldBe(FrameworkVersion.Sif2013);
            sif.Grades[JudgementAreas.ChildrenLookedAfter].ShouldBe(grade, $"grade of {authority}");
            sif.Grades.Where(g => g.Key != JudgementAreas.ChildrenLookedAfter).ShouldAllBe(g => g.Value == Grade.NotReported);
            sif.Dates.ShouldBe(new ReportDates(null, null, null, DatePrecision.FrameworkEra));
        }
    }

    [Fact]
    public async Task Findings_are_recorded_per_section_on_the_iro_service()
    {
        await Host.ImportAsync(ImportFiles.Page, "text/plain");

        foreach (var (authority, count) in new[] { ("800", 6), ("380", 3), ("305", 4), ("830", 7), ("845", 0) })
        {
            var findings = (await EventsOf(authority)).OfType<FindingRecorded>().ToList();
            findings.Count.ShouldBe(count, $"findings of {authority}");
            findings.ShouldAllBe(f => f.Details.Service == "iro_service" && f.Details.Precision == DatePrecision.FrameworkEra);
        }
    }

    [Fact]
    public async Task Without_the_history_the_derbyshire_timeliness_pair_is_two_observations_on_derbyshire()
    {
        await Host.ImportAsync(ImportFiles.Page, "text/plain");

        (await TimelinessOf("830")).Select(m => (m.Value.Value, m.Period.Label)).ShouldBe([(79.1m, "2013-14"), (98.4m, "2015-16")], ignoreOrder: true);
    }

    [Fact]
    public async Task Unnamed_sections_are_listed_and_nothing_of_theirs_is_appended()
    {
        await Host.ImportAsync(ImportFiles.Page, "text/plain");

        var held = await Held();
        held.Count.ShouldBe(30);
        held.ShouldAllBe(h => h.Status == SectionStatus.Unattributed && h.Heading == null);
        held.ShouldContain(h => h.Metrics.Any(m => m.StartsWith("children_seen_before_review 71")));
        held.ShouldContain(h => h.Notes.Contains("• Torbay (monitoring visit)"));
        await using var session = Fixture.Store.QuerySession();
        (await session.Events.QueryRawEventDataOnly<MetricObserved>().ToListAsync())
            .ShouldNotContain(m => m.Details.Metric == MetricNames.SeenBeforeReview);
    }

    [Fact]
    public async Task With_the_history_loaded_first_sections_citing_later_periods_are_held_as_suspect_until_attributed()
    {
        await Host.ImportAsync(ImportFiles.History, "text/csv");

        var summary = await Host.ImportAsync(ImportFiles.Page, "text/plain");

        summary.Suspect.ShouldBe(2);
        var suspect = (await Held()).Where(h => h.Status == SectionStatus.Suspect).ToList();
        suspect.Select(h => h.ProposedAuthority).ShouldBe(["380", "830"], ignoreOrder: true);
        (await TimelinessOf("830")).ShouldBeEmpty();
        (await EventsOf("830")).OfType<InspectionRecorded>().Count(i => i.Details.Dates.Precision == DatePrecision.FrameworkEra).ShouldBe(1);

        var derbyshireSection = suspect.Single(h => h.ProposedAuthority == "830");
        var result = await Attribute(derbyshireSection.Id, "wigan");

        result.Authority.ShouldBe("359");
        (await TimelinessOf("359")).Select(m => (m.Value.Value, m.Period.Label)).ShouldBe([(79.1m, "2013-14"), (98.4m, "2015-16")], ignoreOrder: true);
        (await Held()).ShouldNotContain(h => h.Id == derbyshireSection.Id);
    }

    [Fact]
    public async Task Loading_the_history_after_the_page_flags_the_mis_attributed_sections_and_withdraws_their_facts()
    {
        await Host.ImportAsync(ImportFiles.Page, "text/plain");
        (await TimelinessOf("830")).Count.ShouldBe(2);

        var history = await Host.ImportAsync(ImportFiles.History, "text/csv");

        history.Suspect.ShouldBe(2);
        var withdrawn = (await EventsOf("830")).OfType<FactWithdrawn>().Select(w => w.FactId).ToHashSet();
        var metrics = (await EventsOf("830")).OfType<MetricObserved>().ToList();
        metrics.ShouldNotBeEmpty();
        metrics.ShouldAllBe(m => withdrawn.Contains(m.FactId));
        (await Held()).Single(h => h.ProposedAuthority == "830").Status.ShouldBe(SectionStatus.Suspect);
    }

    [Fact]
    public async Task Importing_the_page_again_appends_nothing_and_keeps_a_users_attribution()
    {
        await Host.ImportAsync(ImportFiles.Page, "text/plain");
        var section = (await Held()).First();
        var attributed = await Attribute(section.Id, "torbay");
        attributed.Appended.ShouldBe(section.Findings + section.Metrics.Count);

        var again = await Host.ImportAsync(ImportFiles.Page, "text/plain");

        again.Appended.ShouldBe(0);
        again.Unattributed.ShouldBe(29);
        (await Held()).ShouldNotContain(h => h.Id == section.Id);
    }

    [Fact]
    public async Task Attributing_a_section_already_recorded_elsewhere_is_a_409_and_an_unknown_section_a_404()
    {
        await Host.ImportAsync(ImportFiles.Page, "text/plain");
        var section = (await Held()).First();
        await Attribute(section.Id, "torbay");

        await Host.Scenario(s => { s.Post.Json(new { authority = "york" }).ToUrl($"/api/imports/unattributed/{section.Id}/attribute"); s.StatusCodeShouldBe(409); });
        await Host.Scenario(s => { s.Post.Json(new { authority = "york" }).ToUrl("/api/imports/unattributed/s-000000000000/attribute"); s.StatusCodeShouldBe(404); });
    }
}
