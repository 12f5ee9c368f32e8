using Tracker.Domain.Authorities;
using Tracker.Domain.Common;
using Tracker.Domain.Corrections;
using Tracker.Domain.Inspections;
using Tracker.Projections.CurrentGrades;
using Tracker.Projections.National;
using static Tracker.Domain.Common.Grade;
using static Tracker.Domain.Common.JudgementAreas;
using static Tracker.Projections.Tests.Events;

namespace Tracker.Projections.Tests;

/// <summary>
/// The stored picture (per-day rows built event by event, the way the projection does, taking back each authority's old
/// steps) must equal GradePictures.Compute over the standings folded from the same events, on every date and area.
/// </summary>
public sealed class GradePictureProjectionTests
{
    private static readonly Grade[] Scale = [Outstanding, Good, RequiresImprovement, Inadequate, NotApplicable, NotReported];

    /// <summary>Replays events one at a time (as if each were its own daemon batch) into in-memory rows.</summary>
    private sealed class Replay
    {
        public Dictionary<string, GradeDelta> Rows { get; } = new(StringComparer.Ordinal);
        public Dictionary<string, GradeContribution> Contributions { get; } = new(StringComparer.Ordinal);

        public void Apply(string id, IEnumerable<object> events)
        {
            var before = Contributions.GetValueOrDefault(id);
            var after = events.Aggregate(before, (s, e) => GradeContribution.Step(s, id, e));
            if (after is null) return;
            var changes = new GradeChanges();
            changes.Replace(before, after);
            Contributions[id] = after;
            foreach (var change in changes.Rows.Values.Where(c => c.Counts.Count > 0))
            {
                var row = Rows.GetValueOrDefault(change.Id) ?? (Rows[change.Id] = new GradeDelta { Id = change.Id, Scope = change.Scope, Day = change.Day });
                row.AddAll(change);
                if (row.Counts.Count == 0) Rows.Remove(change.Id);
            }
        }

        public GradePicture Picture(string scope, string area, DateOnly asOf)
        {
            var counts = new int[GradeContribution.Buckets];
            // The same year/month/day ranges the SQL read sums.
            foreach (var (suffix, from, to) in GradeDelta.RowsFor(asOf))
            foreach (var row in Rows.Values.Where(r => r.Scope == scope + suffix && r.Day >= from && r.Day <= to && r.Counts.ContainsKey(area)))
                for (var b = 0; b < counts.Length; b++) counts[b] += row.Counts[area][b];
            return GradePictures.FromCounts(scope, area, asOf, null, counts);
        }
    }

    [Fact]
    public void The_stored_picture_equals_the_computed_one_on_every_date_and_area_for_random_histories()
    {
        var rng = new Random(7);
        var streams = new Dictionary<string, List<object>>();
        var replay = new Replay();
        for (var a = 0; a < 40; a++) streams[$"A{a}"] = [Registered($"A{a}", $"Authority {a}", a % 3 == 0 ? "London" : "North East")];
        foreach (var (id, events) in streams) replay.Apply(id, events);

        // 600 random facts in random order: out-of-order publication dates, corrections, withdrawals, formations, abolitions,
        // sometimes several for one authority in one batch.
        for (var n = 0; n < 600; n++)
        {
            var id = $"A{rng.Next(40)}";
            var batch = Enumerable.Range(0, 1 + rng.Next(3)).Select(_ => RandomFact(rng, streams[id])).ToList();
            streams[id].AddRange(batch);
            replay.Apply(id, batch);
        }

        var standings = streams.Select(s => AuthorityStanding.Fold(s.Key, s.Value)!).ToList();
        var checkedPictures = 0;
        // Every 23rd day, plus the edges of the year/month/day rows: first and last days of years and months.
        var days = Enumerable.Range(0, 240).Select(i => new DateOnly(2012, 6, 1).AddDays(23 * i))
            .Concat(Enumerable.Range(2013, 14).SelectMany(y => new[] { new DateOnly(y, 1, 1), new DateOnly(y, 12, 31), new DateOnly(y, 3, 1), new DateOnly(y, 2, 28) }));
        foreach (var day in days)
        {
            foreach (var area in JudgementAreas.National)
            {
                replay.Picture(GradeScope.England, area, day).ShouldBe(GradePictures.Compute(GradeScope.England, area, day, null, standings));
                var london = standings.Where(s => s.Region == "London");
                var key = GradeScope.KeyFor("London", "E12000003")!;
                replay.Picture(key, area, day).ShouldBe(GradePictures.Compute(key, area, day, null, london));
                checkedPictures++;
            }
        }
        checkedPictures.ShouldBeGreaterThan(1000);
        replay.Picture(GradeScope.England, Overall, new DateOnly(2026, 12, 31)).Graded.ShouldBeGreaterThan(0);
    }

    [Fact]
    public void Taking_back_every_step_of_a_correction_withdrawal_and_abolition_leaves_exactly_the_final_state()
    {
        var replay = new Replay();
        var first = Inspection(FrameworkVersion.Ilacs2018, "2019-05-01", "r1", (Overall, Inadequate));
        replay.Apply("928", [Registered("928", "Northamptonshire")]);
        replay.Apply("928", [first]);
        replay.Apply("928", [new InspectionCorrected(first.FactId, "typo", Details(FrameworkVersion.Ilacs2018, "2019-06-01", "r1", (Overall, Good)), Rec)]);
        var wrong = Inspection(FrameworkVersion.Ilacs2023, "2020-01-01", "w", (Overall, Outstanding));
        replay.Apply("928", [wrong]);
        replay.Apply("928", [new FactWithdrawn(wrong.FactId, "wrong authority", Rec), new AuthorityAbolished([new LineageLink("940", "North")], new DateOnly(2021, 4, 1), "test", Rec)]);

        replay.Picture(GradeScope.England, Overall, new DateOnly(2019, 5, 15)).Ungraded.ShouldBe(1);
        replay.Picture(GradeScope.England, Overall, new DateOnly(2020, 6, 1)).Good.ShouldBe(1);
        replay.Picture(GradeScope.England, Overall, new DateOnly(2020, 6, 1)).Outstanding.ShouldBe(0);
        replay.Picture(GradeScope.England, Overall, new DateOnly(2021, 4, 1)).Authorities.ShouldBe(0);
        // Rows of the corrected and withdrawn dates (2019-05, 2020) cancelled out and are gone: "since ever", the first date, abolition.
        replay.Rows.Keys.Where(k => k.StartsWith("england#", StringComparison.Ordinal)).Order(StringComparer.Ordinal).ShouldBe([
            "england#d|0001-01-01", "england#d|2019-06-01", "england#d|2021-04-01",
            "england#m|0001-01-01", "england#m|2019-06-01", "england#m|2021-04-01",
            "england#y|0001-01-01", "england#y|2019-01-01", "england#y|2021-01-01"]);
        replay.Rows.Keys.Count(k => k.StartsWith("region:yorkshire and the humber|e12000003#", StringComparison.Ordinal)).ShouldBe(9);
    }

    private static object RandomFact(Random rng, List<object> history)
    {
        var published = new DateOnly(2013, 1, 1).AddDays(rng.Next(365 * 13));
        var recorded = history.OfType<InspectionRecorded>().Select(i => i.FactId).ToList();
        var roll = rng.Next(100);
        if (roll < 10 && recorded.Count > 0) return new FactWithdrawn(recorded[rng.Next(recorded.Count)], "test", Rec);
        if (roll < 22 && recorded.Count > 0)
            return new InspectionCorrected(recorded[rng.Next(recorded.Count)], "test", Details(RandomFramework(rng), published.ToString("O"), "c", RandomGrades(rng)), Rec);
        if (roll < 26) return new AuthorityAbolished([], published, "test", Rec);
        if (roll < 30) return new AuthorityFormedFrom([], published, "test", Rec);
        return Inspection(RandomFramework(rng), published.ToString("O"), $"r{rng.Next(1_000_000)}", RandomGrades(rng));
    }

    private static FrameworkVersion RandomFramework(Random rng) => Enum.GetValues<FrameworkVersion>()[rng.Next(6)];

    private static (string, Grade)[] RandomGrades(Random rng) =>
        All.Where(_ => rng.Next(3) > 0).Select(a => (a, Scale[rng.Next(Scale.Length)])).ToArray();
}
