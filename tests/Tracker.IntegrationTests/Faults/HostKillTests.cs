using System.Net.Http.Headers;
using Marten;
using Tracker.IntegrationTests.Support;

namespace Tracker.IntegrationTests.Faults;

[Collection(OutageCollection.Name)]
[Trait("Category", "Slow")]
public sealed class HostKillTests(OutageFixture fixture)
{
    [Fact]
    public async Task A_host_killed_with_SIGKILL_mid_series_and_started_again_completes_the_rerun_with_the_exact_count()
    {
        var connection = await TestDatabase.SiblingDatabaseAsync(fixture.Server.ConnectionString, "kill");
        await using (var first = await HostProcess.StartAsync(connection))
        {
            // The key comes from the real CLI command; only its hash is stored.
            var output = await HostProcess.RunCommandAsync(connection, "keys", "create", "fault-suite", "--role", "writer");
            var key = output.Split('\n').Select(l => l.Trim()).Single(l => l.StartsWith("trk_", StringComparison.Ordinal));

            var series = new WriteSeries(40, "killed");
            using var client = Client(first.BaseAddress!, key);
            using var stop = new CancellationTokenSource();
            var writing = series.RunAsync(() => client, TimeSpan.FromMinutes(1), stop.Token);
            while (series.Acknowledged < 10) await Task.Delay(20);
            await first.KillAsync(entireProcessTree: false);
            await Task.WhenAny(writing, Task.Delay(TimeSpan.FromSeconds(2)));
            await stop.CancelAsync();
            (await Xunit.Record.ExceptionAsync(() => writing)).ShouldNotBeNull("the series cannot finish against a dead host");
            series.Acknowledged.ShouldBeLessThan(40);

            await using var second = await HostProcess.StartAsync(connection);
            using var again = Client(second.BaseAddress!, key);
            var rerun = new WriteSeries(40, "killed");
            await rerun.RunAsync(() => again, TimeSpan.FromMinutes(2));

            using var store = DocumentStore.For(o => { o.Connection(connection); Tracker.Projections.TrackerStore.ConfigureTracker(o); });
            await rerun.ShouldBeStoredExactlyOnceAsync(store);
        }
    }

    private static HttpClient Client(Uri baseUrl, string key)
    {
        var client = new HttpClient { BaseAddress = baseUrl, Timeout = TimeSpan.FromSeconds(30) };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key);
        return client;
    }
}
