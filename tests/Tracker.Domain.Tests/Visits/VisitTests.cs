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
        var visit = RecordMonitoringVisit.Decide(Given.Authority(), new RecordMonitoringVisit("380", Letter, "t"), Given.Now)
            .ShouldHaveSingleItem().ShouldBeOfType<MonitoringVisitRecorded>();
        visit.Details.Dates.PublishedOn.ShouldBe(new DateOnly(2024, 6, 20));
    }

    [Fact]
    public void A_focused_visit_needs_its_topic()
    {
        Given.Rejects(() => RecordFocusedVisit.Decide(Given.Authority(), new RecordFocusedVisit("380", Letter, "t"), Given.Now))
            .Errors.Keys.ShouldContain("topic");
        var visit = RecordFocusedVisit.Decide(Given.Authority(), new RecordFocusedVisit("380", Letter with { Topic = "Care leavers" }, "t"), Given.Now)
            .ShouldHaveSingleItem().ShouldBeOfType<FocusedVisitRecorded>();
        visit.Details.Topic.ShouldBe("Care leavers");
    }

    [Fact]
    public void A_report_already_recorded_as_an_inspection_cannot_be_recorded_as_a_visit()
    {
        var inspection = RecordInspection.Decide(Given.Authority(), Inputs.Record(Inputs.Ilacs2023()), Given.Now).Single();
        var rejection = Given.Rejects(() => RecordMonitoringVisit.Decide(Given.Authority(Given.Bradford, inspection),
            new RecordMonitoringVisit("380", Letter with { ReportReference = Inputs.Report }, "t"), Given.Now));
        rejection.Kind.ShouldBe(RejectionKind.Conflict);
    }
}
