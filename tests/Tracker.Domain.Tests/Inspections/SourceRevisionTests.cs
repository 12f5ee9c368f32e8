using Tracker.Domain.Common;
using Tracker.Domain.Corrections;
using Tracker.Domain.DataQuality;
using Tracker.Domain.Inspections;
using Tracker.Domain.Tests.Support;

namespace Tracker.Domain.Tests.Inspections;

/// <summary>A source that publishes newer versions of its reports: record, revise, and never undo a user's correction.</summary>
public sealed class SourceRevisionTests
{
    private const string Reason = "The source's newer version changed this report (line 7).";

    private static RecordInspection FromSource(InspectionInput input) => new("380", input, "import:test", RevisionReason: Reason);

    /// <summary>An importer records as itself: the events' provenance is the command's sender.</summary>
    private static readonly Recorded Now = Given.Now with { By = "import:test" };

    private static IReadOnlyList<object> When(RecordInspection command, params object[] history) =>
        command.Decide(Given.Authority([Given.Bradford, .. history]), Now);

    private static readonly DataQualityNote Odd =
        new("help_and_protection_grade", "to requires improvement", DataQualityReasons.UnrecognisedValue, Area: "help_and_protection");

    private static InspectionInput WithOddCell() => Inputs.Ilacs2023() with
    {
        Grades = new Dictionary<string, Grade?>(Inputs.Ilacs2023().Grades!) { ["help_and_protection"] = Grade.Unknown },
        Notes = [Odd],
    };

    [Fact]
    public void A_new_report_from_a_source_is_recorded_with_its_notes()
    {
        var recorded = When(FromSource(WithOddCell())).ShouldHaveSingleItem().ShouldBeOfType<InspectionRecorded>();

        recorded.Details.Notes!.ShouldBe([Odd]);
        recorded.Details.Grades["help_and_protection"].ShouldBe(Grade.Unknown);
    }

    [Fact]
    public void The_same_version_again_appends_nothing()
    {
        var first = When(FromSource(WithOddCell())).Single();

        When(FromSource(WithOddCell()), first).ShouldBeEmpty();
    }

    [Fact]
    public void A_changed_version_from_the_source_becomes_a_correction_not_a_conflict()
    {
        var first = When(FromSource(WithOddCell())).Single();

        var corrected = When(FromSource(Inputs.Ilacs2023()), first).ShouldHaveSingleItem().ShouldBeOfType<InspectionCorrected>();

        corrected.SourceRevision.ShouldBeTrue();
        corrected.Reason.ShouldBe(Reason);
        corrected.Corrected.Notes.ShouldBeNull();
        corrected.Corrected.Grades["help_and_protection"].ShouldBe(Grade.Good);
    }

    [Fact]
    public void The_version_a_user_corrected_does_not_undo_the_users_correction()
    {
        var first = (InspectionRecorded)When(FromSource(WithOddCell())).Single();
        var byUser = new InspectionCorrected(first.FactId, "read the report", Inputs.Ilacs2023().Validate(Given.Now.Today, new Errors()),
            Given.Now);

        When(FromSource(WithOddCell()), first, byUser).ShouldBeEmpty();
        When(FromSource(Inputs.Ilacs2023(Grade.Outstanding)), first, byUser).Single().ShouldBeOfType<InspectionCorrected>()
            .Corrected.Grades["overall"].ShouldBe(Grade.Outstanding);
    }

    [Fact]
    public void A_report_another_source_recorded_first_is_enriched_by_the_source_not_corrected()
    {
        var byUser = Inputs.Record(WithOddCell()).Decide(Given.Authority(Given.Bradford), Given.Now).Single();
        var current = ((InspectionRecorded)byUser).Details;

        var enriched = When(FromSource(Inputs.Ilacs2023()) with { Current = current }, byUser).Single().ShouldBeOfType<InspectionEnriched>();

        enriched.Filled.ShouldBe(["help_and_protection"]);
        enriched.Enriched.Notes.ShouldBeNull("the filled area's note is settled");
        When(FromSource(Inputs.Ilacs2023()) with { Current = enriched.Enriched }, byUser, enriched).ShouldBeEmpty();
    }

    [Fact]
    public void Without_a_revision_reason_a_changed_version_is_still_a_conflict()
    {
        var first = When(FromSource(WithOddCell())).Single();

        Given.Rejects(() => When(Inputs.Record(Inputs.Ilacs2023()), first)).Kind.ShouldBe(RejectionKind.Conflict);
    }

    [Theory]
    [InlineData("made_up_reason", "notes[0].reason")]
    [InlineData("", "notes[0].reason")]
    public void A_note_with_an_unknown_reason_is_invalid(string reason, string field)
    {
        var input = WithOddCell() with { Notes = [Odd with { Reason = reason }] };

        Given.Rejects(() => When(Inputs.Record(input))).Errors.Keys.ShouldContain(field);
    }

    [Fact]
    public void Frameworks_before_sif_take_the_adequate_grade_and_their_own_areas()
    {
        var lac = new InspectionInput(FrameworkVersion.Lac, InspectionKind.Standard, new DateOnly(2013, 7, 8), new DateOnly(2013, 7, 12),
            new DateOnly(2013, 8, 16), "https://files.ofsted.gov.uk/v1/file/50004248",
            JudgementAreas.For(FrameworkVersion.Lac).ToDictionary(a => a, _ => (Grade?)Grade.Adequate));

        var recorded = When(Inputs.Record(lac)).Single().ShouldBeOfType<InspectionRecorded>();

        recorded.Details.Grades.Keys.ShouldContain("capacity_to_improve");
        Grade.Adequate.IsGraded().ShouldBeTrue();
        Grade.Adequate.Rank().ShouldBe(Grade.RequiresImprovement.Rank());
    }
}
