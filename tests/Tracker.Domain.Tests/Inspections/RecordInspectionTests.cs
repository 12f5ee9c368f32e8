using Tracker.Domain.Common;
using Tracker.Domain.Inspections;
using Tracker.Domain.Tests.Support;

namespace Tracker.Domain.Tests.Inspections;

public sealed class RecordInspectionTests
{
    private static IReadOnlyList<object> When(InspectionInput input, params object[] history) =>
        Inputs.Record(input).Decide(Given.Authority([Given.Bradford, .. history]), Given.Now);

    [Fact]
    public void A_valid_inspection_is_recorded_with_its_grades_and_provenance()
    {
        var recorded = When(Inputs.Ilacs2023()).ShouldHaveSingleItem().ShouldBeOfType<InspectionRecorded>();
        recorded.FactId.ShouldBe(FactIds.ForReport(Inputs.Report));
        recorded.Details.Grades["children_in_care"].ShouldBe(Grade.RequiresImprovement);
        recorded.Details.Kind.ShouldBe(InspectionKind.Standard);
        recorded.Recorded.ShouldBe(Given.Now);
    }

    [Fact]
    public void Recording_the_same_report_again_appends_nothing()
    {
        var first = When(Inputs.Ilacs2023()).Single();
        When(Inputs.Ilacs2023(), first).ShouldBeEmpty();
    }

    [Fact]
    public void A_different_version_of_a_recorded_report_is_a_conflict_naming_the_correction_command()
    {
        var first = When(Inputs.Ilacs2023()).Single();
        var rejection = Given.Rejects(() => When(Inputs.Ilacs2023(Grade.Inadequate), first));
        rejection.Kind.ShouldBe(RejectionKind.Conflict);
        rejection.Message.ShouldContain("/api/authorities/380/corrections");
    }

    [Fact]
    public void An_area_outside_the_framework_is_invalid()
    {
        var input = Inputs.Ilacs2023() with { Grades = new(Inputs.Ilacs2023().Grades!) { ["adoption"] = Grade.Good } };
        Given.Rejects(() => When(input)).Errors.Keys.ShouldContain("grades.adoption");
    }

    [Fact]
    public void Every_area_of_the_framework_needs_a_grade_or_an_explicit_sentinel()
    {
        var grades = new Dictionary<string, Grade?>(Inputs.Ilacs2023().Grades!);
        grades.Remove("care_leavers");
        Given.Rejects(() => When(Inputs.Ilacs2023() with { Grades = grades })).Errors.Keys.ShouldContain("grades.care_leavers");
    }

    [Fact]
    public void A_null_grade_is_invalid()
    {
        var input = Inputs.Ilacs2023() with { Grades = new(Inputs.Ilacs2023().Grades!) { ["overall"] = null } };
        Given.Rejects(() => When(input)).Errors["grades.overall"].Single().ShouldContain("not_applicable");
    }

    [Fact]
    public void An_end_date_before_the_start_date_is_invalid() =>
        Given.Rejects(() => When(Inputs.Ilacs2023() with { EndDate = new DateOnly(2024, 1, 1) })).Errors.Keys.ShouldContain("endDate");

    [Fact]
    public void A_publication_before_the_end_of_fieldwork_is_invalid() =>
        Given.Rejects(() => When(Inputs.Ilacs2023() with { PublishedOn = new DateOnly(2024, 1, 10) })).Errors.Keys.ShouldContain("publishedOn");

    [Fact]
    public void Dates_in_the_future_are_invalid()
    {
        var errors = Given.Rejects(() => When(Inputs.Ilacs2023() with { PublishedOn = new DateOnly(2027, 1, 1) })).Errors;
        errors["publishedOn"].ShouldContain(m => m.Contains("future"));
    }

    [Fact]
    public void A_publication_before_the_framework_existed_is_invalid() =>
        Given.Rejects(() => When(Inputs.Ilacs2023() with
        {
            StartDate = new DateOnly(2022, 1, 3), EndDate = new DateOnly(2022, 1, 14), PublishedOn = new DateOnly(2022, 3, 1),
        })).Errors["publishedOn"].Single().ShouldContain("ilacs-2023");

    [Fact]
    public void Under_ilacs_2026_the_overall_grade_can_only_be_not_reported()
    {
        var input = Inputs.Ilacs2023() with
        {
            Framework = FrameworkVersion.Ilacs2026,
            StartDate = new DateOnly(2026, 5, 4), EndDate = new DateOnly(2026, 5, 15), PublishedOn = new DateOnly(2026, 7, 1),
        };
        Given.Rejects(() => When(input)).Errors["grades.overall"].Single().ShouldContain("abolished");
        When(input with { Grades = new(input.Grades!) { ["overall"] = Grade.NotReported } }).ShouldHaveSingleItem();
    }

    [Fact]
    public void Missing_fields_are_all_reported_at_once()
    {
        var errors = Given.Rejects(() => When(new InspectionInput(null, null, null, null, null, null, null))).Errors;
        errors.Keys.ShouldBe(["framework", "reportReference", "startDate", "endDate", "publishedOn", "grades"], ignoreOrder: true);
    }

    [Fact]
    public void A_source_that_gives_only_the_framework_era_records_no_dates()
    {
        var input = new InspectionInput(FrameworkVersion.Sif2013, null, null, null, null, "sif-iro-summary-page#3",
            new Dictionary<string, Grade?> { ["overall"] = Grade.NotReported, ["help_and_protection"] = Grade.NotReported,
                ["children_looked_after"] = Grade.Good, ["adoption"] = Grade.NotReported, ["care_leavers"] = Grade.NotReported,
                ["leadership"] = Grade.NotReported }, DatePrecision.FrameworkEra);
        var recorded = When(input).ShouldHaveSingleItem().ShouldBeOfType<InspectionRecorded>();
        recorded.Details.Dates.ShouldBe(new ReportDates(null, null, null, DatePrecision.FrameworkEra));
        recorded.Details.Kind.ShouldBe(InspectionKind.Unknown);
    }

    [Fact]
    public void Control_characters_in_the_report_reference_are_invalid() =>
        Given.Rejects(() => When(Inputs.Ilacs2023(reference: "report\u0007"))).Errors.Keys.ShouldContain("reportReference");
}
