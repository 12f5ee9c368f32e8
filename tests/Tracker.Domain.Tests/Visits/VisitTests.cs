using Tracker.Domain.Common;
using Tracker.Domain.Inspections;
using Tracker.Domain.Tests.Support;
using Tracker.Domain.Visits;

namespace Tracker.Domain.Tests.Visits;

public sealed class VisitTests
{
    private static readonly VisitInput Letter = new(new DateOnly(2024, 5, 14), new DateOnly(2024, 5, 15), new DateOnly(2024, 6, 20), "https://files.ofsted.gov.uk/v1/file/50000002");

    [Fact]
    public void A_monitoring_visit_is_recorded_ungraded_with_its_dates()
    {
        var visit = new RecordMonitoringVisit("380", Letter, "t").Decide(Given.Authority(), Given.Now)
            .ShouldHaveSingleItem().ShouldBeOfType<MonitoringVisitRecorded>();
        visit.Details.Dates.PublishedOn.ShouldBe(new DateOnly(2024, 6, 20));
    }

    [Fact]
    public void A_focused_visit_needs_its_topic()
    {
        Given.Rejects(() => new RecordFocusedVisit("380", Letter, "t").Decide(Given.Authority(), Given.Now))
            .Errors.Keys.ShouldContain("topic");
        var visit = new RecordFocusedVisit("380", Letter with { Topic = "Care leavers" }, "t")
            .Decide(Given.Authority(), Given.Now)
            .ShouldHaveSingleItem().ShouldBeOfType<FocusedVisitRecorded>();
        visit.Details.Topic.ShouldBe("Care leavers");
    }

    [Fact]
    public void A_report_already_recorded_as_an_inspection_cannot_be_recorded_as_a_visit()
    {
        var inspection = Inputs.Record(Inputs.Ilacs2023()).Decide(Given.Authority(), Given.Now).Single();
        var rejection = Given.Rejects(() => new RecordMonitoringVisit("380", Letter with { ReportReference = Inputs.Report }, "t")
            .Decide(Given.Authority(Given.Bradford, inspection), Given.Now));
        rejection.Kind.ShouldBe(RejectionKind.Conflict);
    }
}
