using Tracker.Testing;
using System.Diagnostics;
using Marten;
using Tracker.Domain.Inspections;
using Tracker.IntegrationTests.ReadModels;
using Tracker.IntegrationTests.Support;
using Xunit.Abstractions;

namespace Tracker.IntegrationTests.Reliability;

/// <summary>
/// <c>rebuild GradePicture --force</c> (a separate process, as an operator runs it) beside a running node while writes
/// keep arriving: no write is lost, the node's GradePicture agent keeps (or resumes) projecting afterwards, and the
/// stored pictures equal the ones folded from every event.
/// </summary>
[Collection(ReliabilityCollection.Name)]
[Trait("Category", "Slow")]
public sealed class RebuildUnderWritesTests(ReliabilityFixture fixture, ITestOutputHelper output)
{
    private static readonly string[] Scopes = ["/api/national", "/api/regions/london", "/api/regions/E12000003"];

    [Fact]
    public async Task A_forced_rebuild_while_writes_continue_loses_nothing_and_the_pictures_equal_a_fold_of_every_event()
    {
        var prefix = $"https://example.org/rebuild-{Guid.NewGuid():N}"[..38];
        using var client = fixture.CreateClient();
        var written = new List<string>();
        using var stop = new CancellationTokenSource();
        // Four writers, one authority each at a time, until the rebuild is over and a little after.
        var writing = Task.WhenAll(Enumerable.Range(0, 4).Select(w => Task.Run(async () =>
        {
            for (var i = 0; !stop.IsCancellationRequested; i++)
            {
                var reference = $"{prefix}-{w}-{i:D3}";
                var authority = ReliabilityFixture.Authorities[(w + 4 * i) % ReliabilityFixture.Authorities.Length];
                await ReliabilityFixture.PostUntilAcknowledgedAsync(client, $"/api/authorities/{authority}/inspections",
                    ReliabilityFixture.Inspection(reference, 1 + i % 28), TimeSpan.FromSeconds(60));
                lock (written) written.Add(reference);
            }
        })));
        await Eventually.TrueAsync(() => Count(written) >= 8, TimeSpan.FromSeconds(60), "writes before the rebuild");

        var (exit, log, during) = await RunRebuildAsync(() => Count(written), "rebuild", "GradePicture", "--force");
        output.WriteLine($"{during} writes acknowledged while the rebuild replayed; rebuild output:{Environment.NewLine}{log}");
        exit.ShouldBe(0, log);
        during.ShouldBeGreaterThan(0, "writes must overlap the replay itself, or this test proves nothing");
        var after = Count(written);
        await Eventually.TrueAsync(() => Count(written) >= after + 8, TimeSpan.FromSeconds(60), "writes after the rebuild");
        await stop.CancelAsync();
        await writing;

        await using (var session = fixture.Store.QuerySession())
        {
            var recorded = (await session.Events.QueryRawEventDataOnly<InspectionRecorded>().ToListAsync())
                .Select(e => e.Details.ReportReference).Where(r => r.StartsWith(prefix, StringComparison.Ordinal)).ToList();
            recorded.ShouldBe(written, ignoreOrder: true, "every acknowledged write once");
        }
        output.WriteLine($"GradePicture caught up {(int)(await fixture.CaughtUpAsync(TimeSpan.FromSeconds(60))).TotalMilliseconds} ms after the last write");

        var everything = Uri.EscapeDataString(DateTimeOffset.UtcNow.AddDays(1).ToString("O"));
        foreach (var scope in Scopes)
        foreach (var day in new[] { "2019-01-01", "2024-03-05", "2024-03-31", "2026-01-01" })
        {
            var stored = await fixture.Host.GetJson<NationalPictureTests.Picture>($"{scope}?area=overall&asOf={day}");
            var folded = await fixture.Host.GetJson<NationalPictureTests.Picture>($"{scope}?area=overall&asOf={day}&knownAt={everything}");
            stored.ShouldBe(folded, $"{scope} {day}");
        }
    }

    private static int Count(List<string> written) { lock (written) return written.Count; }

    /// <summary>Runs the CLI and answers how many writes were acknowledged between its "replaying" and "done" lines.</summary>
    private async Task<(int ExitCode, string Output, int During)> RunRebuildAsync(Func<int> writes, params string[] args)
    {
        var info = TrackerProcess.StartInfo(Faults.HostProcess.HostDll(), args,
            ReadModels.RebuildGuardTests.CliEnvironment(fixture.ConnectionString));
        var lines = new System.Collections.Concurrent.ConcurrentQueue<string>();
        int? replaying = null, done = null;
        using var process = new Process { StartInfo = info };
        process.OutputDataReceived += (_, e) =>
        {
            if (e.Data is null) return;
            lines.Enqueue(e.Data);
            if (e.Data.Contains("replaying", StringComparison.Ordinal)) replaying = writes();
            if (e.Data.Contains(": done", StringComparison.Ordinal)) done = writes();
        };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) lines.Enqueue(e.Data); };
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, string.Join(Environment.NewLine, lines), (done ?? 0) - (replaying ?? 0));
    }
}
