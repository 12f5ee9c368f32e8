using Tracker.Domain.Common;
using Tracker.Domain.Metrics;
using Tracker.Host.Imports.Reports;

namespace Tracker.IntegrationTests.Imports.Reports;

/// <summary>Pure parsing of committed sample reports, one per family: no database.</summary>
public sealed class ReportParserTests
{
    private static ParsedReport Parse(string file)
    {
        var reading = ReportReader.Read(ReportFiles.Path(file));
        reading.Refusal.ShouldBeNull();
        return reading.Report.ShouldNotBeNull();
    }

    private static IEnumerable<(string, Grade, string?)> Grades(ParsedReport r) => r.Judgements.Select(j => (j.Area, j.Grade, j.Printed));

    [Fact]
    public void A_sif_report_gives_its_authority_dates_areas_overall_sentence_and_lscb()
    {
        var r = Parse("80449-2014-05-23.pdf");

        r.ShouldSatisfyAllConditions(
            () => r.Authority.ShouldBe("City of Bradford Metropolitan District Council"),
            () => r.Framework.ShouldBe(FrameworkVersion.Sif2013),
            () => r.Kind.ShouldBe(InspectionKind.Standard),
            () => r.Dates.Start.ShouldBe(new DateOnly(2014, 2, 18)),
            () => r.Dates.End.ShouldBe(new DateOnly(2014, 3, 12)),
            () => r.Dates.PublishedOn.ShouldBeNull(), // this report prints no publication date
            () => Grades(r).ShouldBe([
                (JudgementAreas.Overall, Grade.RequiresImprovement, "requires improvement"),
                (JudgementAreas.HelpAndProtection, Grade.RequiresImprovement, "Requires Improvement"),
                (JudgementAreas.ChildrenLookedAfter, Grade.Good, "Good"), (JudgementAreas.Adoption, Grade.Good, "Good"),
                (JudgementAreas.CareLeavers, Grade.Good, "Good"), (JudgementAreas.Leadership, Grade.Good, "Good")]),
            () => r.Judgements.ShouldAllBe(j => j.Page == 1),
            () => r.Lscb.ShouldBe(new ReportJudgement("lscb_effectiveness", Grade.Good, "good", 1)),
            () => r.Problems.ShouldBeEmpty());
    }

    [Fact]
    public void A_sif_re_inspection_is_its_own_kind_with_no_lscb()
    {
        var r = Parse("80566-2018-07-25.pdf");

        r.Kind.ShouldBe(InspectionKind.ReInspection);
        r.Title.ShouldStartWith("Re-inspection of services for children in need of help and");
        (r.Dates.Start, r.Dates.End, r.Dates.PublishedOn).ShouldBe((new DateOnly(2018, 4, 23), new DateOnly(2018, 5, 18), new DateOnly(2018, 7, 25)));
        r.GradeOf(JudgementAreas.Overall).ShouldBe(Grade.Inadequate);
        r.GradeOf(JudgementAreas.Adoption).ShouldBe(Grade.Good);
        r.Lscb.ShouldBeNull();
    }

    [Fact]
    public void Ilacs_framework_and_kind_come_from_the_rows_printed_and_the_fieldwork_days()
    {
        var short2018 = Parse("80543-2022-08-12.pdf");
        short2018.Framework.ShouldBe(FrameworkVersion.Ilacs2018);
        (short2018.Kind, short2018.KindBasis).ShouldBe((InspectionKind.Short, KindBasis.FieldworkDays));
        short2018.Authority.ShouldBe("Rotherham Metropolitan Borough Council");

        var ilacs2023 = Parse("2532283-2025-05-09.pdf");
        ilacs2023.Framework.ShouldBe(FrameworkVersion.Ilacs2023);
        ilacs2023.Judgements.Select(j => j.Area).ShouldBe(JudgementAreas.For(FrameworkVersion.Ilacs2023));
        ilacs2023.GradeOf(JudgementAreas.CareLeavers).ShouldBe(Grade.Good);

        var ilacs2026 = Parse("2637539-2026-07-07.pdf");
        ilacs2026.Framework.ShouldBe(FrameworkVersion.Ilacs2026);
        ilacs2026.Kind.ShouldBe(InspectionKind.Standard);
        ilacs2026.Judgements[0].ShouldBe(new ReportJudgement(JudgementAreas.Overall, Grade.NotReported, null, 1));
        ilacs2026.GradeOf(JudgementAreas.ImpactOfLeaders).ShouldBe(Grade.Outstanding);
        ilacs2026.Problems.ShouldBeEmpty();
    }

    [Fact]
    public void The_looked_after_children_report_takes_its_grades_from_the_record_of_main_findings()
    {
        var r = Parse("80418-2013-08-16.pdf");

        r.Framework.ShouldBe(FrameworkVersion.Lac);
        r.Authority.ShouldBe("Norfolk County Council");
        r.Dates.PublishedOn.ShouldBe(new DateOnly(2013, 8, 16));
        r.Judgements.Select(j => j.Area).ShouldBe(JudgementAreas.For(FrameworkVersion.Lac));
        r.Judgements.ShouldAllBe(j => j.Grade == Grade.Inadequate && j.Page == 23);
    }

    [Fact]
    public void Doncasters_rising_review_timeliness_is_two_observations_each_with_its_financial_year_and_the_sentence()
    {
        var r = Parse("80462-2015-11-27.pdf");
        const string sentence = "There has been a steady increase in the timeliness of children in care reviews rising " +
            "from 79.1% in 2013–14 to 98.4% in 2015–16.";

        var timeliness = r.Metrics.Where(m => m.Metric == MetricNames.ReviewTimeliness).ToList();

        timeliness.Select(m => (m.Value, m.ValidPeriod().Label, m.Quote, m.Page, m.Paragraph))
            .ShouldBe([(79.1m, "2013-14", sentence, 26, 93), (98.4m, "2015-16", sentence, 26, 93)]);
        timeliness.ShouldAllBe(m => m.Period.Kind == PeriodKind.FinancialYear && m.Unit == "percent");
    }

    [Fact]
    public void Report_figures_keep_their_own_period_or_none_and_skip_comparators()
    {
        var metrics = Parse("80462-2015-11-27.pdf").Metrics;

        metrics.ShouldContain(m => m.Metric == MetricNames.AssessmentTimeliness && m.Value == 92 && m.ValidPeriod().Label == "2014-15");
        // "from 46% in 2014 to 93% as at September 2015": 46% gets no period (a calendar year is not one Tracker stores).
        metrics.ShouldContain(m => m.Metric == MetricNames.InitialConferenceTimeliness && m.Value == 46 && m.Period.Kind == PeriodKind.Unknown);
        metrics.ShouldContain(m => m.Metric == MetricNames.InitialConferenceTimeliness && m.Value == 93 && m.ValidPeriod().Label == "2015-09..2015-09");
        // "performance for quarter 1 of 2015–16 was only 35%" is not 2014–15, the sentence's leading period.
        metrics.ShouldContain(m => m.Metric == MetricNames.InitialHealthAssessmentTimeliness && m.Value == 35 && m.Period.Kind == PeriodKind.Unknown);
        metrics.ShouldNotContain(m => m.Value == 25m || m.Value == 23m); // statistical neighbours, England, a target
    }

    [Fact]
    public void Numbered_iro_findings_are_quoted_with_paragraph_and_page()
    {
        var findings = Parse("80462-2015-11-27.pdf").IroFindings;

        var caseloads = findings.Single(f => f.Paragraph == 94);
        caseloads.Page.ShouldBe(26);
        caseloads.Text.ShouldStartWith("Independent reviewing officers’ (IROs’) caseloads are manageable");
        caseloads.Text.ShouldEndWith("to inform improvements in practice.");
    }
}
