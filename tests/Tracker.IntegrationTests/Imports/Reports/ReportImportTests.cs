using Marten;
using Tracker.Domain.Inspections;
using Tracker.IntegrationTests.Support;

namespace Tracker.IntegrationTests.Imports.Reports;

/// <summary>Report files through the import endpoint: one report, one fact; fill, never overwrite; refuse whole.</summary>
public sealed class ReportImportTests(TrackerFixture fixture) : IntegrationTest(fixture)
{
    private const string Doncaster2015 = "https://files.ofsted.gov.uk/v1/file/50004307";

    public sealed record Entry(string FactId, string Kind, DateOnly? Date, string? Framework, string? InspectionKind,
        Dictionary<string, string>? Grades, string ReportReference, List<Note>? Notes);
    public sealed record Note(string Column, string RawValue, string Reason);
    public sealed record Timeline(List<Entry> Entries);

    private async Task<List<Entry>> Inspections(string authority) =>
        (await Host.GetJson<Timeline>($"/api/authorities/{authority}/timeline")).Entries.Where(e => e.Kind == "inspection").ToList();

    private async Task<int> EventCount()
    {
        await using var session = Fixture.Store.QuerySession();
        return await session.Events.QueryAllRawEvents().CountAsync();
    }

    [Fact]
    public async Task A_report_fills_the_unknown_sif_grades_of_the_history_fact_and_a_reimport_appends_nothing()
    {
        await Host.ImportAsync(ImportFiles.History, "text/csv");

        var summary = await Host.PostReportAsync(ReportFiles.Bytes("80462-2015-11-27.pdf"));

        (summary.Read, summary.Enriched, summary.Rejected.Count).ShouldBe((1, 1, 0));
        var report = (await Inspections("doncaster")).Single(e => e.ReportReference == Doncaster2015);
        report.Grades!["overall"].ShouldBe("inadequate");
        report.Grades["children_looked_after"].ShouldBe("requires_improvement");
        report.InspectionKind.ShouldBe("standard");
        (await Inspections("doncaster")).Count.ShouldBe(4, "one report, one fact");

        var again = await Host.PostReportAsync(ReportFiles.Bytes("80462-2015-11-27.pdf"));
        again.Appended.ShouldBe(0);
    }

    [Fact]
    public async Task Metrics_and_findings_carry_the_report_reference_the_file_and_the_page()
    {
        await Host.ImportAsync(ImportFiles.History, "text/csv");
        await Host.PostReportAsync(ReportFiles.Bytes("80462-2015-11-27.pdf"));

        await using var session = Fixture.Store.QuerySession();
        var metric = (await session.Events.FetchStreamAsync("371")).Select(e => e.Data).OfType<Tracker.Domain.Metrics.MetricObserved>()
            .Single(m => m.Details.Metric == "iro_review_timeliness" && m.Details.Period.Label == "2015-16");
        metric.Details.Value.Value.ShouldBe(98.4m);
        metric.Details.Source.ReportReference.ShouldBe(Doncaster2015);
        metric.Details.Source.Quote!.ShouldContain("79.1%");
        var sha = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(ReportFiles.Bytes("80462-2015-11-27.pdf")));
        metric.Recorded.Source!.Sha256.ShouldBe(sha);
        metric.Recorded.Source.Page.ShouldBeGreaterThan(1);
    }

    [Fact]
    public async Task A_report_grade_that_contradicts_a_known_grade_changes_nothing_and_becomes_a_conflict_note()
    {
        var rows = ImportFiles.History.Split('\n').ToList();
        var at = rows.FindIndex(r => r.Contains("50190644", StringComparison.Ordinal)); // Rotherham 2022, good throughout
        rows[at] = rows[at].Replace(",good,good,good,good,", ",outstanding,good,good,good,", StringComparison.Ordinal);
        await Host.ImportAsync(string.Join('\n', rows), "text/csv");

        await Host.PostReportAsync(ReportFiles.Bytes("80543-2022-08-12.pdf"));

        var report = (await Inspections("rotherham")).Single(e => e.ReportReference.EndsWith("50190644", StringComparison.Ordinal));
        report.Grades!["overall"].ShouldBe("outstanding", "a known grade is never overwritten");
        report.Notes!.Single(n => n.Reason == "conflict").RawValue.ShouldStartWith("outstanding | report file");
    }

    [Fact]
    public async Task Either_order_of_import_gives_the_same_inspections()
    {
        async Task<List<Entry>> After(bool reportsFirst)
        {
            await Fixture.ResetAsync();
            if (!reportsFirst) await Host.ImportAsync(ImportFiles.History, "text/csv");
            await Host.PostReportAsync(ReportFiles.Bytes("80418-2013-08-16.pdf"),
                "reportReference=" + Uri.EscapeDataString("https://files.ofsted.gov.uk/v1/file/50004248"));
            await Host.PostReportAsync(ReportFiles.Bytes("80462-2015-11-27.pdf"), "reportReference=" + Uri.EscapeDataString(Doncaster2015));
            if (reportsFirst) await Host.ImportAsync(ImportFiles.History, "text/csv");
            return [.. await Inspections("norfolk"), .. await Inspections("doncaster")];
        }

        var historyFirst = await After(reportsFirst: false);
        var reportsFirst = await After(reportsFirst: true);

        string Shape(Entry e) => $"{e.FactId} {e.Date} {e.Framework} {e.InspectionKind} " +
                                 string.Join(",", (e.Grades ?? []).OrderBy(g => g.Key).Select(g => $"{g.Key}={g.Value}"));
        reportsFirst.Select(Shape).Order().ShouldBe(historyFirst.Select(Shape).Order());
        historyFirst.Single(e => e.Date == new DateOnly(2013, 8, 16)).Framework.ShouldBe("lac");
    }

    [Theory]
    [InlineData("80431-2012-07-13.pdf", "NotPdf")]
    public async Task A_file_that_is_not_a_report_pdf_is_a_422_naming_why_and_writes_nothing(string file, string reason)
    {
        var before = await EventCount();

        var problem = await Host.PostRefusedReportAsync(ReportFiles.Bytes(file), 422);

        problem.Detail!.ShouldContain(reason);
        (await EventCount()).ShouldBe(before);
    }

    [Fact]
    public async Task Another_kind_of_report_and_a_truncated_pdf_are_refused_and_write_nothing()
    {
        var before = await EventCount();
        var school = ReportFiles.Pdf("School inspection report\nSt Mary's Primary School\nInspection dates: 1 May 2024");
        var report = ReportFiles.Bytes("80462-2015-11-27.pdf");

        (await Host.PostRefusedReportAsync(school, 422)).Detail!.ShouldContain("NotChildrensServicesReport");
        (await Host.PostRefusedReportAsync(report[..(report.Length / 2)], 422)).Detail!.ShouldContain("Truncated");
        (await EventCount()).ShouldBe(before);
    }

    [Fact]
    public async Task A_report_over_the_size_limit_is_a_413()
    {
        var big = new byte[Tracker.Host.Imports.Reports.ReportFile.DefaultMaxBytes + 1];
        "%PDF-1.4\n"u8.CopyTo(big);

        (await Host.PostRefusedReportAsync(big, 413)).Code.ShouldBe("payload_too_large");
    }

    [Fact]
    public async Task A_report_whose_date_is_neither_printed_nor_given_nor_matched_is_refused_as_unidentified()
    {
        var problem = await Host.PostRefusedReportAsync(ReportFiles.Bytes("80543-2022-08-12.pdf"), 422);

        problem.Detail!.ShouldContain("cannot be identified");
    }
}
