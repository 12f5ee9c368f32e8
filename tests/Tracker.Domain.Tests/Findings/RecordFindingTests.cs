using Tracker.Domain.Findings;
using Tracker.Domain.Tests.Support;

namespace Tracker.Domain.Tests.Findings;

public sealed class RecordFindingTests
{
    private static readonly FindingInput Finding = new("iro_service", "IROs have manageable caseloads.", "sif-iro-summary-page#12");

    [Fact]
    public void A_finding_is_recorded_once()
    {
        var recorded = new RecordFinding("380", Finding, "t").Decide(Given.Authority(), Given.Now).Single();
        recorded.ShouldBeOfType<FindingRecorded>().Details.Service.ShouldBe("iro_service");
        new RecordFinding("380", Finding, "t")
            .Decide(Given.Authority(Given.Bradford, recorded), Given.Now).ShouldBeEmpty();
    }

    [Fact]
    public void A_finding_needs_a_service_and_a_quote() =>
        Given.Rejects(() => new RecordFinding("380", new FindingInput("IRO Service", " ", null), "t")
            .Decide(Given.Authority(), Given.Now))
            .Errors.Keys.ShouldBe(["service", "quote", "reportReference"], ignoreOrder: true);
}
