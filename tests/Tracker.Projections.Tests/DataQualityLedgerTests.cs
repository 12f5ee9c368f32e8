using Tracker.Domain.Common;
using Tracker.Domain.Corrections;
using Tracker.Domain.DataQuality;
using Tracker.Domain.Inspections;
using Tracker.Projections.CurrentGrades;
using static Tracker.Projections.Tests.Events;

namespace Tracker.Projections.Tests;

public sealed class DataQualityLedgerTests
{
    private static readonly DataQualityNote Split = new("in_care_grade+care_leavers_grade", "requires improvement | inadequate",
        DataQualityReasons.AreaNotInFramework);

    private static InspectionRecorded Noted(string reference) => Inspection(FrameworkVersion.Ilacs2018, "2022-09-05", reference,
        (JudgementAreas.Overall, Grade.Inadequate)) is var e ? e with { Details = e.Details with { Notes = [Split] } } : null!;

    [Fact]
    public void A_note_is_open_while_the_fact_carries_it_and_resolved_by_the_correction_that_drops_it()
    {
        var recorded = Noted("r1");
        var standing = AuthorityStanding.Fold("892", [Registered("892", "Nottingham"), recorded])!;
        standing.DataQuality.Single().Status.ShouldBe(NoteStatus.Open);
        standing.DataQualityCount.ShouldBe(1);

        var fixedUp = new InspectionCorrected(recorded.FactId, "page 1 says requires improvement",
            recorded.Details with { Notes = null }, Rec with { By = "key:analyst" });
        standing = AuthorityStanding.Step(standing, "892", fixedUp);

        var note = standing.DataQuality.Single();
        (note.Status, note.SettledBy, note.Settlement).ShouldBe((NoteStatus.Resolved, "key:analyst", "page 1 says requires improvement"));
        standing.Inspections.Single().Notes.ShouldBeNull();
    }

    [Fact]
    public void A_correction_that_keeps_the_note_leaves_it_open_and_a_withdrawal_closes_it()
    {
        var recorded = Noted("r2");
        var kept = new InspectionCorrected(recorded.FactId, "kind fixed", recorded.Details with { Kind = InspectionKind.Short }, Rec);

        var standing = AuthorityStanding.Fold("892", [Registered("892", "Nottingham"), recorded, kept])!;
        standing.DataQuality.Single().Status.ShouldBe(NoteStatus.Open);

        standing = AuthorityStanding.Step(standing, "892", Withdrawn(recorded.FactId));
        standing.DataQuality.Single().Status.ShouldBe(NoteStatus.Withdrawn);
        standing.DataQualityCount.ShouldBe(1, "settled notes stay, with their history");
    }

    [Fact]
    public void An_enrichment_that_fills_the_area_settles_its_note_and_names_its_source()
    {
        var recorded = Noted("r3");
        var filled = new InspectionEnriched(recorded.FactId, recorded.Details with { Notes = null }, "report:ab", "report file ab (page 1)",
            [JudgementAreas.ChildrenInCareAndCareLeavers], Rec);

        var standing = AuthorityStanding.Fold("892", [Registered("892", "Nottingham"), recorded, filled])!;

        var note = standing.DataQuality.Single();
        (note.Status, note.Settlement).ShouldBe((NoteStatus.Resolved, "filled from report file ab (page 1)"));
        Timelines.Timeline.Fold("892", [recorded, filled]).Single().Notes.ShouldBeNull();
    }
}
