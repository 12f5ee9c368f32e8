using Tracker.Domain.Authorities;
using Tracker.Domain.Common;
using Tracker.Domain.Corrections;
using Tracker.Domain.Inspections;
using Tracker.Domain.Tests.Support;

namespace Tracker.Domain.Tests.Corrections;

public sealed class ReinstatementTests
{
    private static readonly object Inspection = Inputs.Record(Inputs.Ilacs2023())
        .Decide(Given.Authority(), Given.Now).Single();
    private static readonly string FactId = FactIds.ForReport(Inputs.Report);
    private static readonly FactWithdrawn Withdrawal = new(FactId, "not a real report", Given.Now);

    private static IReadOnlyList<object> Resend(InspectionInput input, params object[] history) =>
        Inputs.Record(input).Decide(Given.Authority([Given.Bradford, .. history]), Given.Now);

    private static IReadOnlyList<object> Reinstate(params object[] history) =>
        new CorrectFact("380", new CorrectionInput(FactId, CorrectionAction.Reinstate, "withdrawn by mistake"), "t")
            .Decide(Given.Authority([Given.Bradford, .. history]), Given.Now);

    [Fact]
    public void Sending_a_withdrawn_fact_again_appends_nothing_and_it_stays_withdrawn()
    {
        Resend(Inputs.Ilacs2023(), Inspection, Withdrawal).ShouldBeEmpty();
        FactLedger.IsWithdrawn(Given.Authority(Given.Bradford, Inspection, Withdrawal), FactId).ShouldBeTrue();
    }

    [Fact]
    public void A_source_revision_of_a_withdrawn_report_does_not_bring_it_back()
    {
        var revision = Inputs.Record(Inputs.Ilacs2023(Grade.Inadequate)) with { RevisionReason = "newer file" };
        revision.Decide(Given.Authority(Given.Bradford, Inspection, Withdrawal), Given.Now).ShouldBeEmpty();
    }

    [Fact]
    public void Different_content_under_a_withdrawn_id_is_recorded_as_the_corrected_version() =>
        Resend(Inputs.Ilacs2023(Grade.RequiresImprovement), Inspection, Withdrawal).ShouldHaveSingleItem().ShouldBeOfType<InspectionRecorded>();

    [Fact]
    public void Reinstating_a_withdrawn_fact_appends_fact_reinstated_and_it_counts_again()
    {
        var reinstated = Reinstate(Inspection, Withdrawal).ShouldHaveSingleItem().ShouldBeOfType<FactReinstated>();
        reinstated.Reason.ShouldBe("withdrawn by mistake");
        var state = Given.Authority(Given.Bradford, Inspection, Withdrawal, reinstated);
        FactLedger.IsWithdrawn(state, FactId).ShouldBeFalse();
        // Counting again, a re-send is an ordinary duplicate, and a second reinstatement appends nothing.
        Resend(Inputs.Ilacs2023(), Inspection, Withdrawal, reinstated).ShouldBeEmpty();
        Reinstate(Inspection, Withdrawal, reinstated).ShouldBeEmpty();
    }

    [Fact]
    public void A_reinstated_fact_conflicts_with_different_content_like_any_recorded_fact()
    {
        var reinstated = new FactReinstated(FactId, "x", Given.Now);
        Given.Rejects(() => Resend(Inputs.Ilacs2023(Grade.Inadequate), Inspection, Withdrawal, reinstated)).Kind.ShouldBe(RejectionKind.Conflict);
    }

    [Fact]
    public void Reinstating_takes_no_replacement_content() =>
        Given.Rejects(() => new CorrectFact("380", new CorrectionInput(FactId, CorrectionAction.Reinstate, "x", Inputs.Ilacs2023()), "t")
            .Decide(Given.Authority(Given.Bradford, Inspection, Withdrawal), Given.Now))
            .Kind.ShouldBe(RejectionKind.Invalid);

    [Fact]
    public void A_withdrawn_fact_must_be_reinstated_before_it_is_corrected() =>
        Given.Rejects(() => new CorrectFact("380", new CorrectionInput(FactId, CorrectionAction.Correct, "x", Inputs.Ilacs2023(Grade.Inadequate)), "t")
            .Decide(Given.Authority(Given.Bradford, Inspection, Withdrawal),
            Given.Now)).Message.ShouldContain("reinstate");

    [Fact]
    public void An_import_that_decided_a_withdrawn_fact_belongs_here_reinstates_it_and_a_plain_resend_does_not()
    {
        var state = Given.Authority(Given.Bradford, Inspection, Withdrawal);
        var wrapped = new ReinstateIfWithdrawn(Inputs.Record(Inputs.Ilacs2023()), "its evidence names this authority");

        wrapped.Decide(state, Given.Now).ShouldHaveSingleItem().ShouldBeOfType<FactReinstated>()
            .Reason.ShouldBe("its evidence names this authority");
        Inputs.Record(Inputs.Ilacs2023()).Decide(state, Given.Now).ShouldBeEmpty();
        wrapped.Decide(Given.Authority(Given.Bradford, Inspection), Given.Now).ShouldBeEmpty("a fact that counts stays as it is");
    }
}
