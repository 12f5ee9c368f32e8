using Tracker.Domain.Common;
using Tracker.Host.Imports.History;

namespace Tracker.IntegrationTests.Imports;

/// <summary>Pure mapping of history rows to commands: no database.</summary>
public sealed class HistoryRowTests
{
    private static Dictionary<string, string> Row(string published = "10/03/25", string kind = "standard", string start = "20/01/2025", string end = "31/01/2025",
        string overall = "good", string leaders = "good", string help = "good", string inCare = "good", string careLeavers = "good") => new()
    {
        ["urn"] = "80449", ["inspection_link"] = "https://files.ofsted.gov.uk/v1/file/1", ["publication_date"] = published,
        ["inspection_framework"] = kind, ["inspection_start_date"] = start, ["inspection_end_date"] = end,
        ["overall_effectiveness_grade"] = overall, ["impact_of_leaders_grade"] = leaders, ["help_and_protection_grade"] = help,
        ["in_care_grade"] = inCare, ["care_leavers_grade"] = careLeavers,
    };

    [Fact]
    public void An_ilacs_2023_row_maps_its_columns_onto_the_framework_areas()
    {
        var mapped = HistoryRow.Map(7, Row(inCare: "requires improvement", careLeavers: "inadequate"));

        mapped.Problems.ShouldBeEmpty();
        mapped.Inspection!.Framework.ShouldBe(FrameworkVersion.Ilacs2023);
        mapped.Inspection.PublishedOn.ShouldBe(new DateOnly(2025, 3, 10));
        mapped.Inspection.Grades![JudgementAreas.ChildrenInCare].ShouldBe(Grade.RequiresImprovement);
        mapped.Inspection.Grades[JudgementAreas.CareLeavers].ShouldBe(Grade.Inadequate);
    }

    [Fact]
    public void The_reform_sentinel_on_a_report_published_before_the_reform_is_rejected_naming_the_column()
    {
        var mapped = HistoryRow.Map(9, Row(overall: "not_reported_post_reform"));

        mapped.Inspection.ShouldBeNull();
        mapped.Problems.Single().ShouldSatisfyAllConditions(
            p => p.Line.ShouldBe(9), p => p.Column.ShouldBe("overall_effectiveness_grade"), p => p.Reason.ShouldContain("ilacs-2026"));
    }

    [Fact]
    public void A_pre_dating_care_leavers_sentinel_is_rejected_when_the_fieldwork_also_ran_under_ilacs_2023()
    {
        var mapped = HistoryRow.Map(3, Row(careLeavers: "inspection_pre_dates_judgement"));

        mapped.Problems.Single().Column.ShouldBe("care_leavers_grade");
    }

    [Fact]
    public void A_sif_row_has_every_area_unknown_and_only_its_publication_date()
    {
        var mapped = HistoryRow.Map(4, Row(published: "23/05/14", kind: "", start: "", end: "", overall: "",
            leaders: "data_unreadable", help: "data_unreadable", inCare: "data_unreadable", careLeavers: "data_unreadable"));

        mapped.Inspection!.Framework.ShouldBe(FrameworkVersion.Sif2013);
        mapped.Inspection.Precision.ShouldBe(DatePrecision.Published);
        mapped.Inspection.Kind.ShouldBe(InspectionKind.Unknown);
        mapped.Inspection.Grades!.Values.ShouldAllBe(g => g == Grade.Unknown);
    }

    [Theory]
    [InlineData("publication_date", "2025-03-10")]
    [InlineData("inspection_start_date", "32/01/2025")]
    [InlineData("inspection_framework", "focused")]
    [InlineData("help_and_protection_grade", "to requires improvement")]
    public void An_unexpected_value_rejects_the_row_naming_its_column(string column, string value)
    {
        var row = Row();
        row[column] = value;

        var mapped = HistoryRow.Map(12, row);

        mapped.Inspection.ShouldBeNull();
        mapped.Problems.ShouldContain(p => p.Column == column && p.Reason.Contains(value));
    }
}
