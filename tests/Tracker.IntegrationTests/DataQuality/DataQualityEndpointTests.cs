using Alba;
using Tracker.Domain.Common;
using Tracker.IntegrationTests.Imports;
using Tracker.IntegrationTests.Support;

namespace Tracker.IntegrationTests.DataQuality;

/// <summary>Data-quality notes are first-class: on the fact, in the timeline, queryable, and settled by corrections.</summary>
public sealed class DataQualityEndpointTests(TrackerFixture fixture) : IntegrationTest(fixture)
{
    private const string Nottingham2022 = "https://files.ofsted.gov.uk/v1/file/50192198";

    public sealed record NoteRow(string AuthorityId, string AuthorityName, string FactId, string? ReportReference, string Column,
        string RawValue, string Reason, string Status, string RaisedBy, string? SettledBy, string? Settlement);
    public sealed record Note(string Column, string RawValue, string Reason);
    public sealed record Entry(string FactId, string ReportReference, List<Note>? Notes);
    public sealed record Timeline(List<Entry> Entries);

    [Fact]
    public async Task Notes_can_be_queried_by_reason_and_authority_and_as_csv()
    {
        await Host.ImportAsync(ImportFiles.CompleteHistory, "text/csv");

        var split = await Host.GetJson<List<NoteRow>>("/api/data-quality?reason=area_not_in_framework");
        split.Select(n => n.AuthorityName).ShouldBe(["Nottingham", "Redcar and Cleveland"], ignoreOrder: true);
        split.ShouldAllBe(n => n.Status == "open" && n.RaisedBy == "import:ofsted-inspection-history");
        var json = await Host.Scenario(s => s.Get.Url("/api/data-quality?reason=area_not_in_framework"));
        (await json.ReadAsTextAsync()).ShouldNotContain("csvCells");

        var nottingham = await Host.GetJson<List<NoteRow>>("/api/data-quality?authority=E06000018");
        nottingham.Select(n => n.Reason).ShouldBe(["unrecognised_value", "area_not_in_framework"], ignoreOrder: true);

        var csv = await Host.Scenario(s =>
        {
            s.Get.Url("/api/data-quality?reason=area_not_in_framework").Accepts("text/csv");
            s.ContentTypeShouldBe("text/csv; charset=utf-8");
        });
        var lines = (await csv.ReadAsTextAsync()).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        lines[0].ShouldStartWith("authority_id,authority_name,fact_id");
        lines.Length.ShouldBe(3);
    }

    [Fact]
    public async Task Unknown_reasons_statuses_and_authorities_are_problems()
    {
        (await Host.Scenario(s => { s.Get.Url("/api/data-quality?reason=odd"); s.StatusCodeShouldBe(400); })).ShouldNotBeNull();
        (await Host.Scenario(s => { s.Get.Url("/api/data-quality?status=closed"); s.StatusCodeShouldBe(400); })).ShouldNotBeNull();
        (await Host.Scenario(s => { s.Get.Url("/api/data-quality?authority=atlantis"); s.StatusCodeShouldBe(404); })).ShouldNotBeNull();
    }

    [Fact]
    public async Task A_note_shows_on_its_fact_and_in_the_timeline_and_a_correction_that_settles_the_cell_resolves_it()
    {
        await Host.ImportAsync(ImportFiles.CompleteHistory, "text/csv");
        var factId = FactIds.ForReport(Nottingham2022);

        var timeline = await Host.GetJson<Timeline>("/api/authorities/nottingham/timeline");
        timeline.Entries.Single(e => e.FactId == factId).Notes!.Single().Reason.ShouldBe("area_not_in_framework");
        var fact = await Host.Scenario(s => s.Get.Url($"/api/authorities/nottingham/facts/{factId}"));
        (await fact.ReadAsTextAsync()).ShouldContain("\"rawValue\":\"requires improvement | inadequate\"");

        await Host.Post("/api/authorities/nottingham/corrections", new
        {
            factId, action = "correct", reason = "Page 1 of the report: children in care and care leavers requires improvement.",
            inspection = new
            {
                framework = "ilacs-2018", kind = "unknown", publishedOn = "2022-09-05", precision = "published",
                reportReference = Nottingham2022,
                grades = new
                {
                    overall = "inadequate", impact_of_leaders = "requires_improvement", help_and_protection = "inadequate",
                    children_in_care_and_care_leavers = "requires_improvement",
                },
            },
        });

        var settled = (await Host.GetJson<List<NoteRow>>("/api/data-quality?authority=nottingham&reason=area_not_in_framework")).Single();
        settled.Status.ShouldBe("resolved");
        settled.SettledBy.ShouldBe("key:test-writer");
        settled.Settlement!.ShouldStartWith("Page 1 of the report");
        (await Host.GetJson<Timeline>("/api/authorities/nottingham/timeline")).Entries.Single(e => e.FactId == factId).Notes.ShouldBeNull();
        var history = await Host.Scenario(s => s.Get.Url($"/api/authorities/nottingham/facts/{factId}"));
        var text = await history.ReadAsTextAsync();
        text.ShouldContain("inspection_recorded");
        text.ShouldContain("inspection_corrected");
    }
}
