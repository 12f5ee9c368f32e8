using Tracker.Domain.Authorities;
using Tracker.Domain.Common;
using Tracker.Domain.Corrections;
using Tracker.Domain.Inspections;
using Tracker.Domain.Metrics;
using Tracker.Domain.Visits;
using Tracker.Projections.CurrentGrades;
using Tracker.Projections.Timelines;
using static Tracker.Projections.Tests.Events;

namespace Tracker.Projections.Tests;

/// <summary>The folds that cannot be derived from the event table are checked against it, one sample per event.</summary>
public sealed class EventTableTests
{
    private static readonly InspectionRecorded Report = Inspection(FrameworkVersion.Ilacs2023, "2024-02-01", "r",
        (JudgementAreas.Overall, Grade.Good));
    private static readonly MetricObserved Figure = Metric("iro_caseload", 2015, 60m, "children_per_iro", "m");

    /// <summary>A sample of each event, after the events it needs; a new event without one fails the first test.</summary>
    private static readonly Dictionary<Type, object[]> Samples = new()
    {
        [typeof(AuthorityRegistered)] = [Registered("380", "Bradford")],
        [typeof(AuthorityFormedFrom)] = [new AuthorityFormedFrom([], new DateOnly(2019, 4, 1), "test", Rec)],
        [typeof(AuthorityAbolished)] = [new AuthorityAbolished([], new DateOnly(2029, 4, 1), "test", Rec)],
        [typeof(InspectionRecorded)] = [Report],
        [typeof(MonitoringVisitRecorded)] = [MonitoringVisit("2024-06-01", "mv")],
        [typeof(FocusedVisitRecorded)] = [new FocusedVisitRecorded("r-fv", new VisitDetails(new ReportDates(
            new DateOnly(2024, 5, 1), new DateOnly(2024, 5, 2), new DateOnly(2024, 6, 1)), "fv", "front door"), Rec)],
        [typeof(Tracker.Domain.Jtais.JtaiRecorded)] = [new Tracker.Domain.Jtais.JtaiRecorded("r-j", new Tracker.Domain.Jtais.JtaiDetails(
            "theme", ["ofsted", "cqc"], new ReportDates(new DateOnly(2024, 5, 1), new DateOnly(2024, 5, 2), new DateOnly(2024, 6, 1)), "j"), Rec)],
        [typeof(MetricObserved)] = [Figure],
        [typeof(Tracker.Domain.Findings.FindingRecorded)] = [Finding("IROs visit every child.", "f")],
        [typeof(InspectionCorrected)] = [Report, new InspectionCorrected(Report.FactId, "typo",
            Report.Details with { Grades = new Dictionary<string, Grade> { [JudgementAreas.Overall] = Grade.Outstanding } }, Rec)],
        [typeof(InspectionEnriched)] = [Report, new InspectionEnriched(Report.FactId, Report.Details with { Kind = InspectionKind.Short },
            "report:x", "report x", ["kind"], Rec)],
        [typeof(MetricCorrected)] = [Figure, new MetricCorrected(Figure.FactId, "typo",
            new MetricValue(65m, null, null, "children_per_iro"), "fp", Rec)],
        [typeof(FactWithdrawn)] = [Report, Withdrawn(Report.FactId)],
        [typeof(FactReinstated)] = [Report, Withdrawn(Report.FactId), new FactReinstated(Report.FactId, "it was right", Rec)],
    };

    [Fact]
    public void Every_event_in_the_table_has_a_sample()
    {
        Samples.Keys.ShouldBe(AuthorityEvents.All.Select(e => e.Type), ignoreOrder: true);
    }

    [Fact]
    public void Every_fact_event_changes_the_timeline_its_stream_folds_to()
    {
        foreach (var type in AuthorityEvents.All.Where(e => e.Evolve is not null).Select(e => e.Type))
        {
            var events = Samples[type];
            Fingerprint(Timeline.Fold("380", events)).ShouldNotBe(Fingerprint(Timeline.Fold("380", events[..^1])), type.Name);
        }
    }

    [Fact]
    public void Every_event_the_standing_includes_changes_the_standing()
    {
        foreach (var type in AuthorityEvents.All.Where(e => e.Standing && e.Type != typeof(AuthorityRegistered)).Select(e => e.Type))
        {
            object[] events = [Registered("380", "Bradford"), .. Samples[type]];
            var after = System.Text.Json.JsonSerializer.Serialize(AuthorityStanding.Fold("380", events));
            after.ShouldNotBe(System.Text.Json.JsonSerializer.Serialize(AuthorityStanding.Fold("380", events[..^1])), type.Name);
        }
    }

    private static string Fingerprint(IReadOnlyList<TimelineEntry> entries) =>
        System.Text.Json.JsonSerializer.Serialize(entries.Select(e => e with { RecordedAt = default }));
}
