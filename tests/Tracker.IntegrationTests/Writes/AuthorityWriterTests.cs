using Marten;
using Tracker.Domain.Authorities;
using Tracker.Domain.Common;
using Tracker.Domain.Inspections;
using Tracker.Host.Writes;
using Tracker.IntegrationTests.Support;
using Tracker.Projections.CurrentGrades;

namespace Tracker.IntegrationTests.Writes;

public sealed class AuthorityWriterTests(TrackerFixture fixture) : IntegrationTest(fixture)
{
    private static readonly Recorded ByTest = new("test", DateTimeOffset.UtcNow);

    private static RecordInspection Report(string authority, string reference, DateOnly published, long? expected = null) =>
        new(authority, new InspectionInput(FrameworkVersion.Ilacs2023, InspectionKind.Standard, published.AddDays(-60),
            published.AddDays(-50), published, reference,
            JudgementAreas.For(FrameworkVersion.Ilacs2023).ToDictionary(a => a, _ => (Grade?)Grade.Good)), "test", expected);

    /// <summary>A command that lets another writer commit to the same stream the first time it is decided.</summary>
    private sealed record Racing(RecordInspection Inner, Func<Task> Elsewhere) : IAuthorityCommand
    {
        public int Decisions;
        public string Authority => Inner.Authority;
        public string RecordedBy => Inner.RecordedBy;
        public long? ExpectedVersion => Inner.ExpectedVersion;
        public string FactId => Inner.FactId;

        public IReadOnlyList<object> Decide(Authority state, Recorded recorded)
        {
            if (Interlocked.Increment(ref Decisions) == 1) Elsewhere().GetAwaiter().GetResult();
            return Inner.Decide(state, recorded);
        }
    }

    private async Task WriteElsewhereAsync(RecordInspection command)
    {
        await using var session = Fixture.Store.LightweightSession();
        var stream = await session.Events.FetchForWriting<Authority>(command.Authority);
        stream.AppendMany(command
            .Decide(stream.Aggregate!, new Recorded("another writer", DateTimeOffset.UtcNow)).ToArray());
        await session.SaveChangesAsync();
    }

    private AuthorityWriter Writer => new(Fixture.Store);

    [Fact]
    public async Task A_write_that_lands_while_a_request_is_being_decided_is_neither_lost_nor_duplicated_and_the_request_is_decided_again()
    {
        var raced = Report("380", "https://example.org/race/1", new DateOnly(2024, 3, 1));
        var racing = new Racing(raced, () => WriteElsewhereAsync(raced));
        var request = new WriteRequest([new WriteCommand(racing, 2),
            new WriteCommand(Report("380", "https://example.org/race/2", new DateOnly(2025, 3, 1)), 3),
            new WriteCommand(Report("371", "https://example.org/race/3", new DateOnly(2024, 3, 1)), 4)], WriteMode.SkipRejected, ByTest);

        var result = await Writer.WriteAsync(request, CancellationToken.None);

        racing.Decisions.ShouldBe(2, "the lost race makes the request decide again on the streams as they now stand");
        result.Results.Select(r => r.Status).ShouldBe([WriteStatus.AlreadyRecorded, WriteStatus.Recorded, WriteStatus.Recorded]);
        await using var session = Fixture.Store.QuerySession();
        var bradford = (await session.Events.FetchStreamAsync("380")).Select(e => e.Data).OfType<InspectionRecorded>().ToList();
        bradford.Select(e => e.Details.ReportReference).ShouldBe(["https://example.org/race/1", "https://example.org/race/2"]);
        bradford[0].Recorded.By.ShouldBe("another writer");
        (await session.Events.FetchStreamAsync("371")).Select(e => e.Data).OfType<InspectionRecorded>().Count().ShouldBe(1,
            "the failed attempt committed nothing for the request's other authority");
        (await session.Query<AuthorityStanding>().ToListAsync()).Sum(s => s.Inspections.Count)
            .ShouldBe(3, "the inline standing saw exactly the committed reports");
    }

    [Fact]
    public async Task A_command_guarded_by_a_version_is_refused_as_stale_when_another_writer_commits_first_and_is_not_decided_again()
    {
        var version = (await Fixture.Store.QuerySession().LoadAsync<Authority>("380"))!.Version;
        var guarded = Report("380", "https://example.org/guarded/1", new DateOnly(2024, 3, 1), expected: version);
        var racing = new Racing(guarded, () => WriteElsewhereAsync(Report("380", "https://example.org/guarded/2", new DateOnly(2024, 4, 1))));

        var rejection = await Should.ThrowAsync<Rejection>(() => Writer.WriteOneAsync(racing, CancellationToken.None));

        rejection.Kind.ShouldBe(RejectionKind.StaleVersion);
        racing.Decisions.ShouldBe(1);
        await using var session = Fixture.Store.QuerySession();
        (await session.Events.FetchStreamAsync("380")).Select(e => e.Data).OfType<InspectionRecorded>()
            .Select(e => e.Details.ReportReference).ShouldBe(["https://example.org/guarded/2"]);
    }

    [Fact]
    public async Task All_or_nothing_writes_nothing_when_one_command_is_rejected_and_skip_rejected_writes_the_rest()
    {
        WriteCommand[] commands = [new(Report("380", "https://example.org/aon/1", new DateOnly(2024, 3, 1))),
            new(Report("no-such-authority", "https://example.org/aon/2", new DateOnly(2024, 3, 1)))];

        var refused = await Writer.WriteAsync(new WriteRequest(commands, WriteMode.AllOrNothing, ByTest), CancellationToken.None);
        refused.Written.ShouldBeFalse();
        refused.Rejected.Single().Command.ShouldBe(commands[1]);
        (await Fixture.Store.QuerySession().Events.FetchStreamAsync("380")).Select(e => e.Data).OfType<InspectionRecorded>().ShouldBeEmpty();

        var skipped = await Writer.WriteAsync(new WriteRequest(commands, WriteMode.SkipRejected, ByTest), CancellationToken.None);
        skipped.Written.ShouldBeTrue();
        skipped.Appended.ShouldBe(1);
        skipped.Results[1].AuthorityId.ShouldBeNull();
    }

    [Fact]
    public async Task A_whole_source_is_not_written_when_its_first_command_is_rejected_and_its_document_comes_with_it_otherwise()
    {
        var bad = Report("380", "https://example.org/whole/1", new DateOnly(1990, 1, 1));
        var good = Report("380", "https://example.org/whole/2", new DateOnly(2024, 3, 1));
        var document = new WriterTestDocument { Id = "whole-source" };

        var refused = await Writer.WriteAsync(new WriteRequest([new(bad), new(good)], WriteMode.WholeSource, ByTest, document),
            CancellationToken.None);
        refused.Written.ShouldBeFalse();
        (await Fixture.Store.QuerySession().LoadAsync<WriterTestDocument>("whole-source")).ShouldBeNull();

        var written = await Writer.WriteAsync(new WriteRequest([new(good), new(bad)], WriteMode.WholeSource, ByTest, document),
            CancellationToken.None);
        written.Appended.ShouldBe(1);
        written.Rejected.Count.ShouldBe(1);
        (await Fixture.Store.QuerySession().LoadAsync<WriterTestDocument>("whole-source")).ShouldNotBeNull();
    }

    [Fact]
    public async Task A_snapshot_left_behind_its_stream_does_not_block_writes_to_it()
    {
        await using (var session = Fixture.Store.LightweightSession())
        {
            // An append made outside the writer left the snapshot one version behind its stream.
            var snapshot = (await session.LoadAsync<Authority>("380"))!;
            snapshot.Version -= 1;
            session.Store(snapshot);
            await session.SaveChangesAsync();
        }

        var result = await Writer.WriteOneAsync(Report("380", "https://example.org/behind/1", new DateOnly(2024, 3, 1)),
            CancellationToken.None);

        result.Status.ShouldBe(WriteStatus.Recorded);
        var stream = await Fixture.Store.QuerySession().Events.FetchStreamStateAsync("380");
        result.Version.ShouldBe(stream!.Version);
    }

    public sealed class WriterTestDocument
    {
        public string Id { get; set; } = "";
    }
}
