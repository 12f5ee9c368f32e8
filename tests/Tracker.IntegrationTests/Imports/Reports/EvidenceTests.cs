using Tracker.Domain.Common;
using Tracker.Host.Imports.Evidence;
using Tracker.Host.Imports.IroPage;
using Tracker.IntegrationTests.Support;

namespace Tracker.IntegrationTests.Imports.Reports;

/// <summary>The IRO page attributed by the reports it quotes: sentences are evidence, figures are not.</summary>
public sealed class EvidenceTests(TrackerFixture fixture) : IntegrationTest(fixture)
{
    public sealed record Entry(string FactId, string Kind, string? Quote, string? Framework, Dictionary<string, string>? Grades);
    public sealed record Timeline(List<Entry> Entries);

    private async Task<List<Entry>> TimelineOf(string authority) =>
        (await Host.GetJson<Timeline>($"/api/authorities/{authority}/timeline")).Entries;

    [Fact]
    public void A_figure_or_a_short_sentence_is_not_evidence()
    {
        EvidenceText.Sentences("Review timeliness was 79.1%.").ShouldBeEmpty();
        var section = new PageSection("s-1", 1, null, null, null, [new PageFinding(2, "Timeliness rose to 98.4%.")], [], []);
        var report = new ReportEvidence { Id = "a", AuthorityId = "371", Text = EvidenceText.Normalise("Timeliness rose to 98.4%.") };

        SectionEvidence.Match(section, [report]).ShouldBeNull();
    }

    [Fact]
    public void Text_from_a_pdf_and_from_a_web_page_normalise_alike()
    {
        EvidenceText.Normalise("The IRO’s review-\ning of plans rose to 98.4% in 2015–16.")
            .ShouldBe(EvidenceText.Normalise("The IRO's reviewing of plans rose to 98.4% in 2015-16"));
    }

    [Fact]
    public async Task A_heading_that_disagrees_with_the_evidence_keeps_only_its_grade_and_the_section_moves()
    {
        await Host.ImportAsync(ImportFiles.Page, "text/plain");
        bool Quoted(Entry e) => e.Kind == "finding" && e.Quote!.Contains("79.1%", StringComparison.Ordinal);
        (await TimelineOf("derbyshire")).Any(Quoted).ShouldBeTrue("with no report yet, the page's heading attributes the section");

        var summary = await Host.PostReportAsync(ReportFiles.Bytes("80462-2015-11-27.pdf"));

        summary.AttributedByEvidence.ShouldBe(1);
        var derbyshire = await TimelineOf("derbyshire");
        derbyshire.Any(Quoted).ShouldBeFalse();
        derbyshire.ShouldContain(e => e.Kind == "inspection" && e.Grades!["children_looked_after"] == "good",
            "the heading keeps its grade");
        (await TimelineOf("doncaster")).Any(Quoted).ShouldBeTrue();
        await using var session = Fixture.Store.QuerySession();
        var withdrawn = (await session.Events.FetchStreamAsync("830")).Select(e => e.Data)
            .OfType<Tracker.Domain.Corrections.FactWithdrawn>().ToList();
        withdrawn.ShouldNotBeEmpty();
        withdrawn.ShouldAllBe(w => w.Reason.Contains("found only in Doncaster's report"));
    }
}
