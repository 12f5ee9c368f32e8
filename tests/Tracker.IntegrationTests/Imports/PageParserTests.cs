using Tracker.Domain.Authorities;
using Tracker.Domain.Common;
using Tracker.Domain.Metrics;
using Tracker.Host.Imports.IroPage;

namespace Tracker.IntegrationTests.Imports;

/// <summary>Pure parsing of the IRO summary page: no database.</summary>
public sealed class PageParserTests
{
    private static readonly IReadOnlyList<PageSection> Sections = PageParser.Parse(ImportFiles.Page);

    private static PageSection Named(string name) => Sections.Single(s => s.HeadingName == name);

    [Fact]
    public void Headings_name_only_the_first_block_after_them_and_restarts_start_unnamed_sections()
    {
        Sections.Count.ShouldBe(57);
        Sections.Count(s => s.HeadingName is not null).ShouldBe(27);
        Named("London Borough of Bromley").Grade.ShouldBe(Grade.Inadequate);
        Named("Hackney").Grade.ShouldBe(Grade.Good);
        Named("York").Grade.ShouldBe(Grade.Good);

        // Cornwall's list, then "1." again: the restarted list is a new section with no name.
        var cornwall = Named("Cornwall");
        cornwall.Findings.Count.ShouldBe(5);
        var next = Sections[Sections.ToList().IndexOf(cornwall) + 1];
        next.HeadingName.ShouldBeNull();
        next.Findings.Single().Line.ShouldBe(97);
    }

    [Fact]
    public void Findings_include_numbered_items_and_the_comment_lines_but_not_notes()
    {
        Named("Bath & North East Sommerset").Findings.Count.ShouldBe(6);
        Named("Cornwall").Findings[0].Quote.ShouldBe("The IROs’ practice is strong.");
        Named("Greenwich").Findings[0].Quote.ShouldStartWith("Independent reviewing officers are consistent");
        Named("Hampshire").Findings.ShouldBeEmpty();
        Named("Hampshire").Notes.Single().ShouldContain("JTAI");
        Named("York").Findings.Count.ShouldBe(2);
    }

    [Fact]
    public void A_rising_timeliness_sentence_gives_two_observations_each_with_its_financial_year()
    {
        var timeliness = Named("Derbyshire").Metrics.Where(m => m.Metric == MetricNames.ReviewTimeliness).ToList();

        timeliness.Select(m => (m.Value, m.Period.Label)).ShouldBe([(79.1m, "2013-14"), (98.4m, "2015-16")]);
    }

    [Fact]
    public void Caseloads_escalations_and_children_seen_are_read_with_their_periods_or_unknown()
    {
        var all = Sections.SelectMany(s => s.Metrics).ToList();
        Named("Bradford").Metrics.Single().ShouldSatisfyAllConditions(
            m => m.Metric.ShouldBe(MetricNames.Escalations), m => m.Value.ShouldBe(65), m => m.Period.Label.ShouldBe("2014-15"));
        Named("Cambridgeshire").Metrics.Single().ShouldSatisfyAllConditions(m => m.Low.ShouldBe(70), m => m.High.ShouldBe(80));
        all.ShouldContain(m => m.Metric == MetricNames.Caseload && m.Low == 100 && m.High == 120 && m.Period.Kind == PeriodKind.Unknown);
        all.ShouldContain(m => m.Metric == MetricNames.Caseload && m.Value == 92);
        all.ShouldContain(m => m.Metric == MetricNames.SeenBeforeReview && m.Value == 71 && m.Period.Label == "2014-15");
        Named("Cheshire West & Chester").Metrics.ShouldContain(m => m.Metric == MetricNames.ReviewTimeliness && m.Value == 98 && m.Period.Label == "2014-15");
    }

    [Fact]
    public void Names_match_the_register_despite_the_pages_spellings_and_unknown_names_do_not_match()
    {
        var matcher = new NameMatcher([
            new Authority { Id = "800", Name = "Bath and North East Somerset" }, new Authority { Id = "305", Name = "Bromley" },
            new Authority { Id = "896", Name = "Cheshire West and Chester" }, new Authority { Id = "895", Name = "Cheshire East" },
        ]);

        matcher.Match("Bath & North East Sommerset").ShouldBe("800");
        matcher.Match("London Borough of Bromley").ShouldBe("305");
        matcher.Match("Cheshire West & Chester").ShouldBe("896");
        matcher.Match("Cheshire").ShouldBeNull();
        matcher.Match("Narnia").ShouldBeNull();
    }
}
