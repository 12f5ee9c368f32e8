using Marten;
using Tracker.Domain.Common;
using Tracker.Domain.Corrections;
using Tracker.IntegrationTests.Support;

namespace Tracker.IntegrationTests.Imports;

/// <summary>A newer version of the history file: only new or changed reports are written, a change as a correction.</summary>
public sealed class HistoryRevisionTests(TrackerFixture fixture) : IntegrationTest(fixture)
{
    private const string Wiltshire2019 = "https://files.ofsted.gov.uk/v1/file/50094565";

    private static string Revised()
    {
        var lines = ImportFiles.CompleteHistory.Split('\n').ToList();
        var at = lines.FindIndex(l => l.Contains(Wiltshire2019));
        // The newer file names the kind and regrades help and protection; it also adds a report.
        lines[at] = lines[at].Replace("inspection duration longer than standard framework", "standard")
            .Replace("good,good,good,good,inspection", "good,good,outstanding,good,inspection");
        lines.Insert(at + 1, "80580,wiltshire,https://files.ofsted.gov.uk/v1/file/59999999,x.pdf,01/08/26,short,A,01/06/2026," +
                             "05/06/2026,not_reported_post_reform,good,good,good,good,1");
        return string.Join('\n', lines);
    }

    private async Task<List<object>> EventsOf(string authorityId)
    {
        await using var session = Fixture.Store.QuerySession();
        return (await session.Events.FetchStreamAsync(authorityId)).Select(e => e.Data).ToList();
    }

    [Fact]
    public async Task A_newer_file_appends_its_new_report_and_corrects_the_changed_one_and_settles_its_note()
    {
        await Host.ImportAsync(ImportFiles.CompleteHistory, "text/csv");

        var summary = await Host.ImportAsync(Revised(), "text/csv");

        (summary.Read, summary.Appended, summary.Corrected, summary.DuplicatesSkipped).ShouldBe((498, 2, 1, 496));
        var correction = (await EventsOf("865")).OfType<InspectionCorrected>().Single();
        correction.SourceRevision.ShouldBeTrue();
        correction.Corrected.Kind.ShouldBe(InspectionKind.Standard);
        correction.Corrected.Grades[JudgementAreas.HelpAndProtection].ShouldBe(Grade.Outstanding);

        var notes = await Host.GetJson<List<NoteRow>>("/api/data-quality?authority=wiltshire");
        notes.Single().ShouldSatisfyAllConditions(n => n.Status.ShouldBe("resolved"), n => n.Column.ShouldBe("inspection_framework"),
            n => n.Settlement!.ShouldContain("newer version"));

        (await Host.ImportAsync(Revised(), "text/csv")).Appended.ShouldBe(0);
    }

    [Fact]
    public async Task A_reimport_of_the_same_file_never_undoes_a_users_correction()
    {
        await Host.ImportAsync(ImportFiles.CompleteHistory, "text/csv");
        var factId = FactIds.ForReport(Wiltshire2019);
        var fact = await Host.GetJson<List<FactEventRow>>($"/api/authorities/865/facts/{factId}");
        fact.Single().Type.ShouldBe("inspection_recorded");
        await Host.Post("/api/authorities/865/corrections", new
        {
            factId, action = "correct", reason = "The report says standard inspection, longer than usual.",
            inspection = new
            {
                framework = "ilacs-2018", kind = "standard", startDate = "2019-06-03", endDate = "2019-06-19", publishedOn = "2019-07-22",
                reportReference = Wiltshire2019,
                grades = new { overall = "good", impact_of_leaders = "good", help_and_protection = "good", children_in_care_and_care_leavers = "good" },
            },
        });

        (await Host.ImportAsync(ImportFiles.CompleteHistory, "text/csv")).Appended.ShouldBe(0);
        (await EventsOf("865")).OfType<InspectionCorrected>().Count().ShouldBe(1);
    }

    public sealed record NoteRow(string AuthorityId, string FactId, string Column, string RawValue, string Reason, string Status,
        string? Settlement);

    public sealed record FactEventRow(string Type, long Version);
}
