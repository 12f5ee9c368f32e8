using Marten;
using Tracker.Domain.Common;
using Tracker.Host.Imports.Evidence;
using Tracker.Host.Imports.IroPage;
using Tracker.Host.Imports.Reports;
using Tracker.IntegrationTests.Support;

namespace Tracker.IntegrationTests.Imports.Reports;

/// <summary>
/// The acceptance of report imports: the sample history, the IRO page and the 43 sample report files (the shared
/// folder, with its manifest), imported as the CLI does.
/// </summary>
public sealed class ReportFolderTests(TrackerFixture fixture) : IntegrationTest(fixture)
{
    public sealed record Picture(int Graded, int Good, int RequiresImprovement, int Inadequate, int Outstanding);
    public sealed record Point(string Period, decimal Value, string ReportReference);
    public sealed record Trend(List<Point> Points);

    private async Task<Host.Imports.ImportSummary> ImportAllAsync()
    {
        await Host.ImportAsync(ImportFiles.History, "text/csv");
        await Host.ImportAsync(ImportFiles.Page, "text/plain");
        return await ReportImport.ImportPathAsync(Fixture.Store, ReportUploads.SharedFolder(), TimeProvider.System, _ => { },
            CancellationToken.None);
    }

    [Fact]
    public async Task Every_sample_report_imports_with_its_judgements_or_is_refused_with_its_reason()
    {
        var summary = await ImportAllAsync();

        summary.Read.ShouldBe(43);
        summary.Rejected.Select(r => r.Column).ShouldBe(["80431-2012-07-13.pdf", "80543-2012-08-10.pdf"]);
        summary.Rejected.ShouldAllBe(r => r.Reason.StartsWith("NotPdf"));
        summary.Enriched.ShouldBe(41, "every report is about an inspection the history recorded: one report, one fact");

        await using var session = Fixture.Store.QuerySession();
        foreach (var file in Directory.EnumerateFiles(ReportUploads.SharedFolder(), "*.pdf"))
        {
            if (ReportReader.Read(file).Report is not { } report) continue;
            var evidence = (await session.LoadAsync<ReportEvidence>(report.Sha256)).ShouldNotBeNull(file);
            var standing = (await session.LoadAsync<Tracker.Projections.CurrentGrades.AuthorityStanding>(evidence.AuthorityId))!;
            var fact = standing.Inspections.Single(i => i.FactId == evidence.FactId);
            foreach (var j in report.Judgements)
            {
                var conflicted = fact.Notes?.Any(n => n.Reason == "conflict" && n.Area == j.Area) == true;
                if (!conflicted) fact.Grades[j.Area].ShouldBe(j.Grade, $"{Path.GetFileName(file)} {j.Area}");
            }
        }
        (await ImportAllAsync()).Appended.ShouldBe(0, "importing everything again writes nothing");
    }

    [Fact]
    public async Task The_sif_era_is_graded_the_page_grade_is_dated_and_the_page_sections_follow_their_evidence()
    {
        await ImportAllAsync();
        await ProjectionsCaughtUpAsync();

        var sif2016 = await Host.GetJson<Picture>("/api/national?area=overall&asOf=2016-03-31");
        sif2016.Graded.ShouldBe(8, "the sample authorities with a SIF report published by then");

        await using var session = Fixture.Store.QuerySession();
        var sections = await session.Query<ImportedSection>().ToListAsync();
        var bradford = sections.Single(s => s.Section.HeadingName == "Bradford");
        bradford.HeadingDatedBy.ShouldBe(FactIds.ForReport("https://files.ofsted.gov.uk/v1/file/50004264"));
        var withdrawal = (await session.Events.FetchStreamAsync("380")).Select(e => e.Data)
            .OfType<Tracker.Domain.Corrections.FactWithdrawn>().Single(w => w.FactId == FactIds.ForReport(bradford.Section.ReportReference));
        withdrawal.Reason.ShouldContain("published 2014-05-23");

        var trend = await Host.GetJson<Trend>("/api/authorities/doncaster/trends/iro_review_timeliness");
        var fromReport = trend.Points.Where(p => p.ReportReference == "https://files.ofsted.gov.uk/v1/file/50004307").ToList();
        fromReport.Select(p => (p.Period, p.Value)).ShouldBe([("2013-14", 79.1m), ("2015-16", 98.4m)]);

        var quoted = sections.Single(s => s.Section.Findings.Any(f => f.Quote.Contains("79.1%")));
        (quoted.AuthorityId, quoted.AttributedBy).ShouldBe(("371", EvidenceReconciliation.AttributedByEvidence));

        var reports = (await session.Query<ReportEvidence>().ToListAsync()).ToList();
        foreach (var section in sections.Where(s => s is { Status: SectionStatus.Attributed, Appended: true }))
            if (SectionEvidence.Match(section.Section, reports) is { } match)
                match.AuthorityId.ShouldBe(section.AuthorityId, $"section {section.Id} is recorded on the authority whose report holds it");
    }
}
