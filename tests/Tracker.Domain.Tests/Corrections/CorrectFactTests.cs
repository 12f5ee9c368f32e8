using Tracker.Domain.Common;
using Tracker.Domain.Corrections;
using Tracker.Domain.Metrics;
using Tracker.Domain.Tests.Support;

namespace Tracker.Domain.Tests.Corrections;

public sealed class CorrectFactTests
{
    private static readonly object Inspection =
        Inputs.Record(Inputs.Ilacs2023()).Decide(Given.Authority(), Given.Now).Single();
    private static readonly string FactId = FactIds.ForReport(Inputs.Report);

    private static IReadOnlyList<object> When(CorrectionInput input, params object[] history) =>
        new CorrectFact("380", input, "t").Decide(Given.Authority([Given.Bradford, .. history]), Given.Now);

    [Fact]
    public void Withdrawing_a_fact_records_the_reason()
    {
        var withdrawn = When(new CorrectionInput(FactId, CorrectionAction.Withdraw, "Recorded against the wrong authority"), Inspection)
            .ShouldHaveSingleItem().ShouldBeOfType<FactWithdrawn>();
        withdrawn.Reason.ShouldBe("Recorded against the wrong authority");
    }

    [Fact]
    public void A_withdrawn_fact_cannot_be_withdrawn_again_nor_brought_back_by_sending_it_again()
    {
        var withdrawn = new FactWithdrawn(FactId, "wrong", Given.Now);
        Given.Rejects(() => When(new CorrectionInput(FactId, CorrectionAction.Withdraw, "again"), Inspection, withdrawn)).Kind.ShouldBe(RejectionKind.Conflict);
        Inputs.Record(Inputs.Ilacs2023()).Decide(Given.Authority(Given.Bradford, Inspection, withdrawn), Given.Now)
            .ShouldBeEmpty();
    }

    [Fact]
    public void Correcting_an_inspection_replaces_its_content_and_repeating_the_correction_appends_nothing()
    {
        var correction = new CorrectionInput(FactId, CorrectionAction.Correct, "Grade misread", Inputs.Ilacs2023(Grade.RequiresImprovement));
        var corrected = When(correction, Inspection).ShouldHaveSingleItem().ShouldBeOfType<InspectionCorrected>();
        corrected.Corrected.Grades["overall"].ShouldBe(Grade.RequiresImprovement);
        When(correction, Inspection, corrected).ShouldBeEmpty();
    }

    [Fact]
    public void A_correction_cannot_move_an_inspection_to_another_report()
    {
        var correction = new CorrectionInput(FactId, CorrectionAction.Correct, "x", Inputs.Ilacs2023(reference: "other"));
        Given.Rejects(() => When(correction, Inspection)).Errors.Keys.ShouldContain("inspection.reportReference");
    }

    [Fact]
    public void Correcting_a_metric_value_twice_with_the_same_value_appends_once()
    {
        var input = new MetricInput(MetricNames.ReviewTimeliness, 79.1m, null, null, "percent", new PeriodInput(PeriodKind.FinancialYear, "2013-14"), "page", null);
        var observed = new RecordMetric("380", input, "t")
            .Decide(Given.Authority(), Given.Now).Single().ShouldBeOfType<MetricObserved>();
        var correction = new CorrectionInput(observed.FactId, CorrectionAction.Correct, "typo", Metric: input with { Value = 71.9m });

        var corrected = When(correction, observed).ShouldHaveSingleItem().ShouldBeOfType<MetricCorrected>();
        corrected.Corrected.Value.ShouldBe(71.9m);
        When(correction, observed, corrected).ShouldBeEmpty();
    }

    [Fact]
    public void An_unknown_fact_is_not_found() =>
        Given.Rejects(() => When(new CorrectionInput("r-0000000000000000", CorrectionAction.Withdraw, "x"))).Kind.ShouldBe(RejectionKind.NotFound);

    [Fact]
    public void Findings_and_visits_are_corrected_by_withdrawal_only()
    {
        var finding = new Tracker.Domain.Findings.RecordFinding("380", new("iro_service", "q", "r"), "t")
            .Decide(Given.Authority(), Given.Now).Single().ShouldBeOfType<Tracker.Domain.Findings.FindingRecorded>();
        Given.Rejects(() => When(new CorrectionInput(finding.FactId, CorrectionAction.Correct, "x"), finding)).Kind.ShouldBe(RejectionKind.Unprocessable);
    }
}
