using Tracker.Domain.Common;
using Tracker.Domain.DataQuality;
using Tracker.Domain.Inspections;
using Tracker.Domain.Tests.Support;

namespace Tracker.Domain.Tests.Inspections;

/// <summary>A report file about an inspection the history recorded with unknowns: fill, never overwrite.</summary>
public sealed class EnrichInspectionTests
{
    private const string Link = "https://files.ofsted.gov.uk/v1/file/50004264";

    private static readonly InspectionInput FromHistory = new(FrameworkVersion.Sif2013, InspectionKind.Unknown, null, null,
        new DateOnly(2014, 5, 23), Link, JudgementAreas.For(FrameworkVersion.Sif2013).ToDictionary(a => a, _ => (Grade?)Grade.Unknown),
        DatePrecision.Published);

    private static InspectionInput FromReport(Grade overall = Grade.RequiresImprovement) => new(FrameworkVersion.Sif2013,
        InspectionKind.Standard, new DateOnly(2014, 2, 18), new DateOnly(2014, 3, 12), new DateOnly(2014, 5, 23), "sha256:ab",
        new Dictionary<string, Grade?>
        {
            ["overall"] = overall, ["help_and_protection"] = Grade.RequiresImprovement, ["children_looked_after"] = Grade.Good,
            ["adoption"] = Grade.Good, ["care_leavers"] = Grade.Good, ["leadership"] = Grade.Good,
        }, Lscb: Grade.Good);

    private static (InspectionRecorded Recorded, EnrichInspection Command) Setup(InspectionInput report)
    {
        var recorded = (InspectionRecorded)new RecordInspection("380", FromHistory, "import:history")
            .Decide(Given.Authority(Given.Bradford), Given.Now).Single();
        return (recorded, new EnrichInspection("380", recorded.FactId, recorded.Details, report, "report:ab", "report ab page 1"));
    }

    [Fact]
    public void The_report_fills_every_unknown_grade_the_kind_the_dates_and_the_lscb_judgement()
    {
        var (recorded, command) = Setup(FromReport());

        var enriched = command.Decide(Given.Authority(Given.Bradford, recorded), Given.Now).Single()
            .ShouldBeOfType<InspectionEnriched>();

        enriched.Enriched.Grades["overall"].ShouldBe(Grade.RequiresImprovement);
        enriched.Enriched.Kind.ShouldBe(InspectionKind.Standard);
        enriched.Enriched.Dates.Precision.ShouldBe(DatePrecision.Day);
        enriched.Enriched.Lscb.ShouldBe(Grade.Good);
        enriched.Enriched.ReportReference.ShouldBe(Link, "the fact keeps its own reference");
        enriched.Filled.ShouldContain("overall");
        enriched.SourceLabel.ShouldBe("report ab page 1");
    }

    [Fact]
    public void The_same_source_enriches_once()
    {
        var (recorded, command) = Setup(FromReport());
        var enriched = command.Decide(Given.Authority(Given.Bradford, recorded), Given.Now).Single();
        var after = (InspectionEnriched)enriched;

        (command with { Current = after.Enriched })
            .Decide(Given.Authority(Given.Bradford, recorded, enriched), Given.Now)
            .ShouldBeEmpty();
    }

    [Fact]
    public void A_known_grade_the_report_contradicts_stays_and_becomes_a_conflict_note()
    {
        var (recorded, command) = Setup(FromReport());
        var first = (InspectionEnriched)command.Decide(Given.Authority(Given.Bradford, recorded), Given.Now).Single();
        var second = command with { Current = first.Enriched, Other = FromReport(Grade.Outstanding), SourceKey = "report:cd" };

        var conflicted = (InspectionEnriched)second
            .Decide(Given.Authority(Given.Bradford, recorded, first), Given.Now).Single();

        conflicted.Enriched.Grades["overall"].ShouldBe(Grade.RequiresImprovement);
        var note = conflicted.Enriched.Notes!.Single();
        (note.Reason, note.Area, note.RawValue).ShouldBe((DataQualityReasons.Conflict, "overall", "requires_improvement | report ab page 1: outstanding"));
        conflicted.Filled.ShouldBeEmpty();
    }

    [Fact]
    public void A_framework_the_source_could_not_name_is_filled_with_its_areas_and_the_note_is_settled()
    {
        var preSif = new InspectionDetails(FrameworkVersion.PreSif, InspectionKind.Unknown,
            new ReportDates(null, null, new DateOnly(2013, 8, 16), DatePrecision.Published), Link,
            new Dictionary<string, Grade> { ["overall"] = Grade.Unknown },
            [new DataQualityNote("inspection_framework", "", DataQualityReasons.FrameworkNotStated, null, DataQualityNote.FrameworkArea)]);
        var lac = new InspectionDetails(FrameworkVersion.Lac, InspectionKind.Standard,
            new ReportDates(new DateOnly(2013, 7, 8), new DateOnly(2013, 7, 12), new DateOnly(2013, 8, 16)), "sha256:ef",
            JudgementAreas.For(FrameworkVersion.Lac).ToDictionary(a => a, _ => Grade.Inadequate));

        var merged = InspectionMerge.Fill(preSif, lac, "report ef");

        merged.Details.Framework.ShouldBe(FrameworkVersion.Lac);
        merged.Details.Grades.Keys.ShouldBe(JudgementAreas.For(FrameworkVersion.Lac));
        merged.Details.Grades.Values.ShouldAllBe(g => g == Grade.Inadequate);
        merged.Details.Notes.ShouldBeNull();
    }

    [Fact]
    public void A_stale_read_is_refused()
    {
        var (recorded, command) = Setup(FromReport());
        var stale = command with { Current = recorded.Details with { Kind = InspectionKind.Short } };

        Given.Rejects(() => stale.Decide(Given.Authority(Given.Bradford, recorded), Given.Now)).Kind
            .ShouldBe(RejectionKind.Conflict);
    }

    [Fact]
    public void What_the_report_could_not_read_stays_on_the_fact_as_a_note()
    {
        var (recorded, _) = Setup(FromReport());
        var unread = new DataQualityNote("report", "no overall judgement found on page 1", DataQualityReasons.NotReadable);
        var report = FromReport().Validate(Given.Now.Today, new Errors()) with { Notes = [unread] };

        InspectionMerge.Fill(recorded.Details, report, "report ab").Details.Notes!.ShouldContain(unread);
    }
}
