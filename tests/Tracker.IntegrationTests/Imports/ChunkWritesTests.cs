using Marten;
using Tracker.Domain.Authorities;
using Tracker.Domain.Common;
using Tracker.Domain.Inspections;
using Tracker.Host.Imports;
using Tracker.Projections.CurrentGrades;
using Tracker.IntegrationTests.Support;

namespace Tracker.IntegrationTests.Imports;

public sealed class ChunkWritesTests(TrackerFixture fixture) : IntegrationTest(fixture)
{
    private static RecordInspection Report(string authority, string reference, DateOnly published) => new(authority,
        new InspectionInput(FrameworkVersion.Ilacs2023, InspectionKind.Standard, published.AddDays(-60), published.AddDays(-50), published, reference,
            JudgementAreas.For(FrameworkVersion.Ilacs2023).ToDictionary(a => a, _ => (Grade?)Grade.Good)), "test");

    private async Task WriteElsewhereAsync(RecordInspection command)
    {
        await using var session = Fixture.Store.LightweightSession();
        var stream = await session.Events.FetchForWriting<Authority>(command.Authority);
        stream.AppendMany(RecordInspection.Decide(stream.Aggregate!, command, new Recorded("another writer", DateTimeOffset.UtcNow)).ToArray());
        await session.SaveChangesAsync();
    }

    [Fact]
    public async Task A_write_that_lands_while_a_chunk_is_being_decided_is_neither_lost_nor_duplicated_and_the_chunk_is_decided_again()
    {
        var raced = Report("380", "https://example.org/race/1", new DateOnly(2024, 3, 1));
        var later = Report("380", "https://example.org/race/2", new DateOnly(2025, 3, 1));
        var other = Report("371", "https://example.org/race/3", new DateOnly(2024, 3, 1));
        var decisions = 0;
        // The other writer records the same report between the chunk's load and its commit.
        var racing = new PlannedCommand(2, null, (state, recorded) =>
        {
            if (Interlocked.Increment(ref decisions) == 1) WriteElsewhereAsync(raced).GetAwaiter().GetResult();
            return RecordInspection.Decide(state, raced, recorded);
        });
        var chunk = new Dictionary<string, List<PlannedCommand>>
        {
            ["380"] = [racing, PlannedCommand.For(3, later)],
            ["371"] = [PlannedCommand.For(4, other)],
        };

        var results = await ChunkWrites.WriteAsync(Fixture.Store, chunk, new Recorded("test", DateTimeOffset.UtcNow), _ => { }, CancellationToken.None);

        decisions.ShouldBe(2, "the lost race makes the chunk decide again on the stream as it now stands");
        results["380"].Appended.ShouldBe(1);
        results["380"].Duplicates.ShouldBe(1);
        results["371"].Appended.ShouldBe(1);
        await using var session = Fixture.Store.QuerySession();
        var bradford = (await session.Events.FetchStreamAsync("380")).Select(e => e.Data).OfType<InspectionRecorded>().ToList();
        bradford.Select(e => e.Details.ReportReference).ShouldBe(["https://example.org/race/1", "https://example.org/race/2"]);
        bradford[0].Recorded.By.ShouldBe("another writer");
        (await session.Events.FetchStreamAsync("371")).Select(e => e.Data).OfType<InspectionRecorded>().Count().ShouldBe(1,
            "the failed attempt committed nothing for the chunk's other authority");
        (await session.Query<AuthorityStanding>().ToListAsync()).Sum(s => s.Inspections.Count).ShouldBe(3, "the inline standing saw exactly the committed reports");
    }
}
