using Xunit.Abstractions;

namespace Tracker.IntegrationTests.Reliability;

/// <summary>
/// marten#4961: with <c>UseListenNotifyForEventAppends</c>, a PostgreSQL outage could kill the high-water agent's loop
/// for good (fixed in JasperFx.Events by jasperfx#526, which the pinned 2.102.0 contains). This proves it here: after
/// each crash and restart, many concurrent appends from several connections reach the high-water mark, GradePicture and
/// the relay within the bound. Tracker:Daemon:ListenNotify=false runs the same test on polling alone.
/// </summary>
[Collection(ReliabilityCollection.Name)]
[Trait("Category", "Slow")]
public sealed class DaemonWakeupTests(ReliabilityFixture fixture, ITestOutputHelper output)
{
    /// <summary>Far above what the daemon needs (under a second idle); a stalled agent never gets there.</summary>
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(15);

    [Fact]
    public async Task Concurrent_appends_reach_the_mark_grade_picture_and_relay_within_the_bound_after_each_database_crash()
    {
        var run = Guid.NewGuid().ToString("N")[..8];
        var lags = new List<TimeSpan>();
        for (var round = 0; round < 4; round++)
        {
            if (round > 0)
            {
                fixture.Server.Crash();
                await Task.Delay(TimeSpan.FromSeconds(2)); // long enough for every LISTEN connection to notice it is gone
                fixture.Server.Restart();
                await fixture.ReadyAsync();
            }
            // 8 writers at once: each request takes its own pooled connection, so appends interleave across sessions.
            await Task.WhenAll(ReliabilityFixture.Authorities.Select(async authority =>
            {
                using var client = fixture.CreateClient();
                for (var i = 0; i < 5; i++)
                    await ReliabilityFixture.PostUntilAcknowledgedAsync(client, $"/api/authorities/{authority}/inspections",
                        ReliabilityFixture.Inspection($"https://example.org/wake-{run}-{round}-{authority}-{i}", 1 + i), TimeSpan.FromSeconds(60));
            }));
            lags.Add(await fixture.CaughtUpAsync(Bound));
        }
        output.WriteLine($"caught up after the last write, per round (ms): {string.Join(", ", lags.Select(l => (int)l.TotalMilliseconds))}");
        lags.ShouldAllBe(l => l < Bound);
    }
}
