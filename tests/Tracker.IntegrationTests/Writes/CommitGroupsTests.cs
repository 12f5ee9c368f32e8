using Marten;
using Tracker.Domain.Authorities;
using Tracker.Domain.Common;
using Tracker.Domain.Inspections;
using Tracker.Host.Writes;
using Tracker.IntegrationTests.Support;

namespace Tracker.IntegrationTests.Writes;

/// <summary>Group commit: single commands that wait while others commit are written together, each answered alone.</summary>
public sealed class CommitGroupsTests(TrackerFixture fixture) : IntegrationTest(fixture)
{
    private static RecordInspection Report(string authority, string reference) =>
        new(authority, new InspectionInput(FrameworkVersion.Ilacs2023, InspectionKind.Standard, new DateOnly(2024, 1, 1),
            new DateOnly(2024, 1, 12), new DateOnly(2024, 3, 1), reference,
            JudgementAreas.For(FrameworkVersion.Ilacs2023).ToDictionary(a => a, _ => (Grade?)Grade.Good)), "test");

    /// <summary>Holds its group in <see cref="Decide"/> until released, so the commands sent meanwhile queue up.</summary>
    private sealed record Held(RecordInspection Inner, TaskCompletionSource Started, Task Release) : IAuthorityCommand
    {
        public string Authority => Inner.Authority;
        public string RecordedBy => Inner.RecordedBy;
        public long? ExpectedVersion => null;
        public string FactId => Inner.FactId;

        public IReadOnlyList<object> Decide(Authority state, Recorded recorded)
        {
            Started.TrySetResult();
            Release.Wait(TimeSpan.FromSeconds(60)); // bounded, so a failed test cannot hang the writer's disposal
            return Inner.Decide(state, recorded);
        }
    }

    /// <summary>A command whose decision fails with something other than a rejection.</summary>
    private sealed record Broken(string Authority) : IAuthorityCommand
    {
        public string RecordedBy => "test";
        public long? ExpectedVersion => null;
        public string FactId => "broken";
        public IReadOnlyList<object> Decide(Authority state, Recorded recorded) => throw new InvalidOperationException("broken");
    }

    private async Task<List<string>> AuthoritiesAsync(int count)
    {
        await using var session = Fixture.Store.QuerySession();
        return [.. (await session.Query<Authority>().OrderBy(a => a.Id).Select(a => a.Id).ToListAsync()).Take(count)];
    }

    /// <summary>One held command per commit loop, each sent once the one before is being decided.</summary>
    private static async Task<List<Task<CommandResult>>> HoldBothLoopsAsync(AuthorityWriter writer, List<string> ids, Task release)
    {
        var held = new List<Task<CommandResult>>();
        for (var i = 0; i < CommitGroups.Writers; i++)
        {
            var started = new TaskCompletionSource();
            held.Add(writer.WriteOneAsync(new Held(Report(ids[i], $"https://example.org/held/{i}"), started, release), default));
            await started.Task.WaitAsync(TimeSpan.FromSeconds(30));
        }
        return held;
    }

    [Fact]
    public async Task Commands_sent_while_others_commit_are_written_together_and_each_caller_gets_its_own_answer()
    {
        var ids = await AuthoritiesAsync(22);
        var release = new TaskCompletionSource();
        await using var writer = new AuthorityWriter(Fixture.Store);
        // Two held commands occupy both commit loops; everything sent after them waits in the queue.
        var held = await HoldBothLoopsAsync(writer, ids, release.Task);

        var queued = ids.Skip(2).Select(id => writer.WriteOneAsync(Report(id, $"https://example.org/queued/{id}"), default)).ToList();
        var duplicate = writer.WriteOneAsync(Report(ids[2], $"https://example.org/queued/{ids[2]}"), default);
        var unknown = writer.WriteOneAsync(Report("ZZZ999", "https://example.org/queued/unknown"), default);
        release.SetResult();

        var answers = await Task.WhenAll(queued.Skip(1).Concat(held));
        answers.ShouldAllBe(a => a.Status == WriteStatus.Recorded);
        answers.Select(a => a.AuthorityId).ShouldBe(ids.Skip(3).Concat(ids.Take(2)));
        answers.ShouldAllBe(a => a.Index == 0, "each caller sees its command as the only one it sent");
        // The same report twice: whichever was decided second (in one group, or after a lost race) is a repeat.
        new[] { (await queued[0]).Status, (await duplicate).Status }.Order()
            .ShouldBe([WriteStatus.Recorded, WriteStatus.AlreadyRecorded]);
        (await Should.ThrowAsync<Rejection>(() => unknown)).Kind.ShouldBe(RejectionKind.NotFound);
        writer.GroupsWritten.ShouldBeInRange(3, 4, "24 commands: the two held ones, then the queue in one or two");

        await using var session = Fixture.Store.QuerySession();
        foreach (var id in ids)
            (await session.Events.FetchStreamAsync(id)).Select(e => e.Data).OfType<InspectionRecorded>().Count().ShouldBe(1);
    }

    [Fact]
    public async Task A_group_the_store_cannot_write_is_split_so_one_broken_command_fails_alone()
    {
        var ids = await AuthoritiesAsync(6);
        var release = new TaskCompletionSource();
        await using var writer = new AuthorityWriter(Fixture.Store);
        var held = await HoldBothLoopsAsync(writer, ids, release.Task);

        var good = ids.Skip(2).Select(id => writer.WriteOneAsync(Report(id, $"https://example.org/good/{id}"), default)).ToList();
        var broken = writer.WriteOneAsync(new Broken(ids[2]), default);
        release.SetResult();

        (await Should.ThrowAsync<InvalidOperationException>(() => broken)).Message.ShouldBe("broken");
        (await Task.WhenAll(good.Concat(held))).ShouldAllBe(a => a.Status == WriteStatus.Recorded);
        await using var session = Fixture.Store.QuerySession();
        foreach (var id in ids)
            (await session.Events.FetchStreamAsync(id)).Select(e => e.Data).OfType<InspectionRecorded>().Count().ShouldBe(1);
    }
}
