using JasperFx.Events;
using Tracker.Domain.Common;
using Tracker.Domain.Inspections;
using Tracker.Projections.CurrentGrades;
using Tracker.Projections.Integrations;
using static Tracker.Domain.Common.Grade;
using static Tracker.Domain.Common.JudgementAreas;
using static Tracker.Projections.Tests.Events;

namespace Tracker.Projections.Tests;

/// <summary>
/// The integration feed's grade changes and the current grade follow one "latest inspection" rule. Until 2026-12 the feed
/// took the one recorded last on a same-day tie and counted ungraded reports; these are the cases where the two disagreed.
/// </summary>
public sealed class LatestInspectionTests
{
    private static InspectionRecorded Report(string reference, string published, string ended, params (string, Grade)[] grades)
    {
        var on = DateOnly.Parse(published);
        var details = new InspectionDetails(FrameworkVersion.Ilacs2023, InspectionKind.Standard,
            new ReportDates(on.AddDays(-60), DateOnly.Parse(ended), on), reference, grades.ToDictionary(g => g.Item1, g => g.Item2));
        return new InspectionRecorded(FactIds.ForReport(reference), details, Rec);
    }

    private static List<IEvent> Stream(params object[] data) =>
        [.. data.Select((d, n) => (IEvent)new Event<object>(d) { Version = n + 1, StreamKey = "380" })];

    private static InspectionItem? CurrentLatest(IEnumerable<IEvent> stream) =>
        CurrentGrades.CurrentGrades.At(AuthorityStanding.Fold("380", stream.Select(e => e.Data))!, new DateOnly(2030, 1, 1), null).Latest;

    [Fact]
    public void Same_day_reports_the_later_fieldwork_is_the_latest_whichever_was_recorded_last()
    {
        var later = Report("later-fieldwork", "2024-06-01", "2024-04-20", (Overall, Good));
        var earlier = Report("earlier-fieldwork", "2024-06-01", "2024-04-05", (Overall, Inadequate));
        var stream = Stream(Registered("380", "Bradford"), later, earlier);

        var shift = new GradeHistory(stream).Before(3, earlier.FactId, earlier.Details);

        CurrentLatest(stream)!.FactId.ShouldBe(later.FactId);
        // The old feed rule took the one recorded last and published overall good -> inadequate, which /current never showed.
        shift.Changes.ShouldBeEmpty();
        shift.Previous!.FactId.ShouldBe(later.FactId);
    }

    [Fact]
    public void An_ungraded_report_published_later_is_not_the_latest_so_it_moves_no_grade()
    {
        var graded = Report("graded", "2023-03-01", "2023-01-20", (Overall, Good));
        var ungraded = Report("ungraded", "2024-06-01", "2024-04-20", (Overall, NotReported));
        var stream = Stream(Registered("380", "Bradford"), graded, ungraded);

        var shift = new GradeHistory(stream).Before(3, ungraded.FactId, ungraded.Details);

        CurrentLatest(stream)!.FactId.ShouldBe(graded.FactId);
        // The old feed rule made the ungraded report the latest and published overall good -> not_reported.
        shift.Changes.ShouldBeEmpty();
        shift.Previous!.FactId.ShouldBe(graded.FactId);
    }

    [Fact]
    public void A_later_graded_report_still_moves_the_grades_it_changes()
    {
        var first = Report("first", "2021-03-01", "2021-01-20", (Overall, RequiresImprovement));
        var second = Report("second", "2024-06-01", "2024-04-20", (Overall, Good));
        var stream = Stream(Registered("380", "Bradford"), first, second);

        var shift = new GradeHistory(stream).Before(3, second.FactId, second.Details);

        CurrentLatest(stream)!.FactId.ShouldBe(second.FactId);
        shift.Changes.ShouldBe([new GradeChange(Overall, "requires_improvement", "good", "improved")]);
    }

    [Fact]
    public void The_pictures_count_the_latest_SIF_or_ILACS_report_and_the_list_shows_the_latest_of_any_framework()
    {
        var sif = Inspection(FrameworkVersion.Sif2013, "2014-03-01", "sif", (Overall, Good));
        var lac = Inspection(FrameworkVersion.Lac, "2014-05-01", "lac", (Overall, Inadequate));
        var standing = AuthorityStanding.Fold("380", [Registered("380", "Bradford"), sif, lac])!;
        var asOf = new DateOnly(2015, 1, 1);

        LatestInspection.Of(standing.Inspections, asOf)!.FactId.ShouldBe(lac.FactId);
        LatestInspection.Of(standing.Inspections, asOf, nationalOnly: true)!.FactId.ShouldBe(sif.FactId);
        var row = Authorities.AuthorityRow.From(standing, Overall, asOf);
        (row.Grade, row.Framework).ShouldBe(("good", "lac"));
    }
}
