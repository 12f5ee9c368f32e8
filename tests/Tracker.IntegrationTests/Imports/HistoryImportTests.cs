using Marten;
using Tracker.Domain.Common;
using Tracker.Domain.Inspections;
using Tracker.IntegrationTests.Support;

namespace Tracker.IntegrationTests.Imports;

public sealed class HistoryImportTests(TrackerFixture fixture) : IntegrationTest(fixture)
{
    private async Task<List<InspectionDetails>> InspectionsOf(string authorityId)
    {
        await using var session = Fixture.Store.QuerySession();
        var events = await session.Events.FetchStreamAsync(authorityId);
        return events.Select(e => e.Data).OfType<InspectionRecorded>().Select(e => e.Details).ToList();
    }

    private async Task<InspectionDetails> Report(string authorityId, string link) =>
        (await InspectionsOf(authorityId)).Single(d => d.ReportReference == link);

    [Fact]
    public async Task The_sample_history_imports_every_report_including_the_three_before_sif()
    {
        var summary = await Host.ImportAsync(ImportFiles.History, "text/csv");

        summary.Read.ShouldBe(43);
        summary.Appended.ShouldBe(43);
        summary.DuplicatesSkipped.ShouldBe(0);
        summary.Rejected.ShouldBeEmpty();
        summary.Notes!.Where(n => n.Reason == "framework_not_stated").Select(n => n.Line).ShouldBe([15, 20, 36]);

        var perAuthority = new Dictionary<string, int>
        {
            ["838"] = 2, ["839"] = 2, ["940"] = 2, ["941"] = 2, ["942"] = 1, ["926"] = 5, ["890"] = 5,
            ["380"] = 4, ["830"] = 3, ["371"] = 4, ["372"] = 5, ["871"] = 4, ["394"] = 4,
        };
        foreach (var (authority, count) in perAuthority)
            (await InspectionsOf(authority)).Count.ShouldBe(count, $"reports for {authority}");
    }

    [Fact]
    public async Task Frameworks_follow_the_fieldwork_start_or_else_the_publication_date()
    {
        await Host.ImportAsync(ImportFiles.History, "text/csv");
        const string files = "https://files.ofsted.gov.uk/v1/file/";

        var sif = await Report("380", files + "50004264");
        sif.Framework.ShouldBe(FrameworkVersion.Sif2013);
        sif.Dates.Precision.ShouldBe(DatePrecision.Published);
        sif.Dates.PublishedOn.ShouldBe(new DateOnly(2014, 5, 23));
        sif.Grades.Keys.ShouldBe(JudgementAreas.For(FrameworkVersion.Sif2013), ignoreOrder: true);
        sif.Grades.Values.ShouldAllBe(g => g == Grade.Unknown);

        // Published 31/01/23 but inspected in Nov 2022, and the care leavers judgement "pre-dates" it: ilacs-2018.
        var bradford2023 = await Report("380", files + "50206434");
        bradford2023.Framework.ShouldBe(FrameworkVersion.Ilacs2018);
        bradford2023.Grades[JudgementAreas.ChildrenInCareAndCareLeavers].ShouldBe(Grade.Inadequate);
        bradford2023.Grades.ContainsKey(JudgementAreas.CareLeavers).ShouldBeFalse();

        // Published 21/05/26 with an overall grade: fieldwork in January 2026, so ilacs-2023, not ilacs-2026.
        var bradford2026 = await Report("380", files + "50302265");
        bradford2026.Framework.ShouldBe(FrameworkVersion.Ilacs2023);
        bradford2026.Grades[JudgementAreas.Overall].ShouldBe(Grade.RequiresImprovement);
        bradford2026.Grades[JudgementAreas.CareLeavers].ShouldBe(Grade.Good);
        bradford2026.Kind.ShouldBe(InspectionKind.Standard);
        bradford2026.Dates.ShouldBe(new ReportDates(new DateOnly(2026, 1, 12), new DateOnly(2026, 1, 23), new DateOnly(2026, 5, 21)));

        var reformed = await Report("940", files + "50306548");
        reformed.Framework.ShouldBe(FrameworkVersion.Ilacs2026);
        reformed.Grades[JudgementAreas.Overall].ShouldBe(Grade.NotReported);
        reformed.Grades[JudgementAreas.ImpactOfLeaders].ShouldBe(Grade.Outstanding);

        // Published 19/01/18, inspected in November 2017: the SIF re-inspection its report shows.
        var doncaster2018 = await Report("371", files + "50000268");
        doncaster2018.Framework.ShouldBe(FrameworkVersion.Sif2013);
        doncaster2018.Grades[JudgementAreas.Overall].ShouldBe(Grade.Unknown);
        doncaster2018.Grades[JudgementAreas.HelpAndProtection].ShouldBe(Grade.Unknown);

        var dorset2025 = await Report("838", files + "50276411");
        dorset2025.Kind.ShouldBe(InspectionKind.Short);
        dorset2025.Grades[JudgementAreas.CareLeavers].ShouldBe(Grade.Good);
        (await Report("926", files + "50000266")).Kind.ShouldBe(InspectionKind.Unknown);
    }

    [Fact]
    public async Task Importing_the_same_history_again_appends_nothing()
    {
        await Host.ImportAsync(ImportFiles.History, "text/csv");

        var again = await Host.ImportAsync(ImportFiles.History, "text/csv");

        again.Appended.ShouldBe(0);
        again.DuplicatesSkipped.ShouldBe(43);
        (await InspectionsOf("380")).Count.ShouldBe(4);
    }

    [Fact]
    public async Task A_row_with_a_garbled_grade_keeps_its_other_grades_and_the_cell_becomes_an_unknown_with_a_note()
    {
        var lines = ImportFiles.History.Split('\n');
        lines[20].ShouldStartWith("80449,bradford,https://files.ofsted.gov.uk/v1/file/50302265");
        lines[20] = lines[20].Replace("good,requires improvement,requires improvement", "good,to requires improvement,requires improvement");

        var summary = await Host.ImportAsync(string.Join('\n', lines), "text/csv");

        summary.Rejected.ShouldBeEmpty();
        var note = summary.Notes!.Single(n => n.Line == 21);
        (note.Column, note.RawValue, note.Reason).ShouldBe(("help_and_protection_grade", "to requires improvement", "unrecognised_value"));
        summary.NotesByReason["unrecognised_value"].ShouldBe(1);
        summary.Appended.ShouldBe(43);
        var kept = await Report("380", "https://files.ofsted.gov.uk/v1/file/50302265");
        kept.Grades[JudgementAreas.HelpAndProtection].ShouldBe(Grade.Unknown);
        kept.Grades[JudgementAreas.ImpactOfLeaders].ShouldBe(Grade.Good);
        kept.Notes!.Single().RawValue.ShouldBe("to requires improvement");
    }

    [Fact]
    public async Task A_body_that_is_neither_source_is_a_422_problem()
    {
        var result = await Host.Scenario(s =>
        {
            s.Post.Text("name,grade\nbradford,good\n").ToUrl("/api/imports");
            s.WithRequestHeader("Content-Type", "text/plain");
            s.StatusCodeShouldBe(422);
        });
        (await result.Read<Problem>()).Title.ShouldBe("Unrecognised import format");
    }

    [Fact]
    public async Task An_import_in_another_content_type_is_a_415_problem()
    {
        var result = await Host.Scenario(s =>
        {
            s.Post.Json(new { rows = 1 }).ToUrl("/api/imports");
            s.StatusCodeShouldBe(415);
        });
        (await result.Read<Problem>()).Code.ShouldBe("unsupported_media_type");
    }

    [Fact]
    public async Task An_import_larger_than_the_limit_is_a_413_problem_and_writes_nothing()
    {
        // The IRO page (text/plain) is parsed whole, so it has the small limit; the CSV's is in ImportSizeTests.
        var body = ImportFiles.History + new string('x', (int)Tracker.Host.Imports.ImportLimits.DefaultPage);
        var result = await Host.Scenario(s =>
        {
            s.Post.Text(body).ToUrl("/api/imports");
            s.WithRequestHeader("Content-Type", "text/plain");
            s.StatusCodeShouldBe(413);
        });
        (await result.Read<Problem>()).Code.ShouldBe("payload_too_large");
        (await InspectionsOf("380")).ShouldBeEmpty();
    }
}
