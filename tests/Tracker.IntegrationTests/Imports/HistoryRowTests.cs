using Tracker.Domain.Common;
using Tracker.Domain.DataQuality;
using Tracker.Host.Common;
using Tracker.Host.Imports.History;

namespace Tracker.IntegrationTests.Imports;

/// <summary>Pure mapping of the complete history's real rows to commands: no database.</summary>
public sealed class HistoryRowTests
{
    private static readonly Dictionary<int, IReadOnlyDictionary<string, string>> Complete = Load();

    private static Dictionary<int, IReadOnlyDictionary<string, string>> Load()
    {
        using var reader = new StreamReader(Path.Combine(AppContext.BaseDirectory, ImportFiles.CompleteHistoryPath));
        return Csv.ReadWithHeader(reader).ToDictionary(r => r.Line, r => r.Values);
    }

    private static MappedRow Line(int line) => HistoryRow.Map(line, Complete[line]);

    [Fact]
    public void Every_report_of_the_complete_history_maps_to_a_command_and_none_is_refused()
    {
        var mapped = Complete.Select(kv => HistoryRow.Map(kv.Key, kv.Value)).ToList();

        mapped.Count.ShouldBe(497);
        mapped.SelectMany(m => m.Problems).ShouldBeEmpty();
        mapped.Select(m => m.Inspection!.ReportReference).Distinct().Count().ShouldBe(497);
    }

    [Fact]
    public void A_free_text_framework_cell_keeps_the_report_and_its_grades_with_the_kind_unknown()
    {
        var wiltshire = Line(485); // 22/07/19, "inspection duration longer than standard framework", good throughout

        wiltshire.Inspection!.Kind.ShouldBe(InspectionKind.Unknown);
        wiltshire.Inspection.Grades![JudgementAreas.Overall].ShouldBe(Grade.Good);
        wiltshire.Notes.Single().ShouldSatisfyAllConditions(
            n => n.Column.ShouldBe("inspection_framework"),
            n => n.RawValue.ShouldBe("inspection duration longer than standard framework"),
            n => n.Reason.ShouldBe(DataQualityReasons.UnrecognisedValue));
    }

    [Fact]
    public void Split_care_grades_under_ilacs_2018_keep_the_overall_grade_and_make_only_the_care_area_unknown()
    {
        var nottingham = Line(328); // 05/09/22, no fieldwork dates, in care RI and care leavers inadequate

        var inspection = nottingham.Inspection!;
        inspection.Framework.ShouldBe(FrameworkVersion.Ilacs2018);
        inspection.Grades![JudgementAreas.Overall].ShouldBe(Grade.Inadequate);
        inspection.Grades[JudgementAreas.ImpactOfLeaders].ShouldBe(Grade.RequiresImprovement);
        inspection.Grades[JudgementAreas.ChildrenInCareAndCareLeavers].ShouldBe(Grade.Unknown);
        var note = nottingham.Notes.Single();
        note.Reason.ShouldBe(DataQualityReasons.AreaNotInFramework);
        note.RawValue.ShouldBe("requires improvement | inadequate");
    }

    [Fact]
    public void A_to_requires_improvement_cell_makes_that_area_unknown_and_keeps_every_other_grade()
    {
        var nottingham2019 = Line(329); // help and protection "to requires improvement"

        var grades = nottingham2019.Inspection!.Grades!;
        grades[JudgementAreas.HelpAndProtection].ShouldBe(Grade.Unknown);
        grades[JudgementAreas.ImpactOfLeaders].ShouldBe(Grade.RequiresImprovement);
        grades[JudgementAreas.ChildrenInCareAndCareLeavers].ShouldBe(Grade.RequiresImprovement);
        nottingham2019.Notes.Single().ShouldSatisfyAllConditions(
            n => n.Column.ShouldBe("help_and_protection_grade"), n => n.RawValue.ShouldBe("to requires improvement"),
            n => n.Reason.ShouldBe(DataQualityReasons.UnrecognisedValue));
    }

    [Fact]
    public void A_report_published_before_sif_is_kept_under_the_pre_sif_framework_with_a_note()
    {
        var norfolk2013 = Line(16); // 16/08/13: Norfolk's inspection of looked after children services

        norfolk2013.Inspection!.Framework.ShouldBe(FrameworkVersion.PreSif);
        norfolk2013.Inspection.PublishedOn.ShouldBe(new DateOnly(2013, 8, 16));
        norfolk2013.Inspection.Grades.ShouldBe(new Dictionary<string, Grade?> { [JudgementAreas.Overall] = Grade.Unknown });
        norfolk2013.Notes.Single().Reason.ShouldBe(DataQualityReasons.FrameworkNotStated);
    }

    [Fact]
    public void The_fieldwork_start_decides_the_framework_of_a_report_published_after_a_boundary()
    {
        Line(13).Inspection!.Framework.ShouldBe(FrameworkVersion.Ilacs2018); // published 13/01/23, inspected Nov 2022
        Line(12).Inspection!.Framework.ShouldBe(FrameworkVersion.Ilacs2023); // published 18/05/26, inspected Feb 2026
        Line(12).Inspection!.Grades![JudgementAreas.Overall].ShouldBe(Grade.Outstanding);
        Line(115).Inspection!.Framework.ShouldBe(FrameworkVersion.Sif2013); // Doncaster 19/01/18, inspected Nov 2017
        Line(13).Notes.ShouldBeEmpty();
    }

    [Fact]
    public void A_2018_row_with_nothing_readable_and_no_dates_is_taken_as_sif_with_a_note()
    {
        var norfolk2018 = Line(14); // a SIF re-inspection, as its report shows

        norfolk2018.Inspection!.Framework.ShouldBe(FrameworkVersion.Sif2013);
        norfolk2018.Notes.Single().Reason.ShouldBe(DataQualityReasons.FrameworkInferred);
    }

    [Theory]
    [InlineData("urn", "", "urn")]
    [InlineData("inspection_link", "", "inspection_link")]
    [InlineData("publication_date", "2025-03-10", "publication_date")]
    [InlineData("publication_date", "31/02/25", "publication_date")]
    public void Only_what_identifies_the_report_refuses_it(string column, string value, string refused)
    {
        var row = new Dictionary<string, string>(Complete[12]) { [column] = value };

        var mapped = HistoryRow.Map(12, row);

        mapped.Inspection.ShouldBeNull();
        mapped.Problems.Single().Column.ShouldBe(refused);
    }

    [Theory]
    [InlineData("inspection_start_date", "32/01/2026", "inspection_start_date+inspection_end_date")]
    [InlineData("overall_effectiveness_grade", "goodish", "overall_effectiveness_grade")]
    [InlineData("care_leavers_grade", "not_reported_post_reform", "care_leavers_grade")]
    public void Any_other_odd_cell_keeps_the_report_with_a_note_naming_the_column(string column, string value, string noted)
    {
        var row = new Dictionary<string, string>(Complete[12]) { [column] = value };

        var mapped = HistoryRow.Map(12, row);

        mapped.Problems.ShouldBeEmpty();
        mapped.Notes.ShouldContain(n => n.Column == noted && n.RawValue.Contains(value));
        mapped.Inspection!.Grades![JudgementAreas.HelpAndProtection].ShouldBe(Grade.Outstanding);
    }
}
