using System.Net;
using Tracker.IntegrationTests.Support;

namespace Tracker.IntegrationTests.Faults;

[Collection(OutageCollection.Name)]
[Trait("Category", "Slow")]
public sealed class DatabaseOutageTests(OutageFixture fixture)
{
    [Fact]
    public async Task PostgreSQL_restarted_in_the_middle_of_a_write_series_loses_and_duplicates_nothing_and_readiness_follows_the_outage()
    {
        var client = TrackerFixture.CreateClient(fixture.Host);
        (await Ready(client)).ShouldBe(HttpStatusCode.OK);

        var series = new WriteSeries(60, $"outage-{Guid.NewGuid():N}"[..15]);
        var writing = series.RunAsync(() => client, TimeSpan.FromMinutes(2));

        await Until(() => Task.FromResult(series.Acknowledged >= 20), "20 writes acknowledged before the outage");
        fixture.Server.Crash();
        try
        {
            await Until(async () => await Ready(client) == HttpStatusCode.ServiceUnavailable, "/health/ready to report the outage");
            (await client.GetAsync("/health/live")).StatusCode.ShouldBe(HttpStatusCode.OK, "the process itself is still alive");
            await Task.Delay(TimeSpan.FromSeconds(2));
        }
        finally
        {
            fixture.Server.Restart();
        }
        await Until(async () => await Ready(client) == HttpStatusCode.OK, "/health/ready to recover without a restart");

        await writing;
        series.FailedAttempts.ShouldBeGreaterThan(0, "the outage must have interrupted the series, or this test proves nothing");
        series.Unavailable.ShouldBeGreaterThan(0, "writes during the outage are answered 503 with Retry-After");
        await series.ShouldBeStoredExactlyOnceAsync(fixture.Store);
    }

    private static async Task<HttpStatusCode> Ready(HttpClient client) => (await client.GetAsync("/health/ready")).StatusCode;

    private static async Task Until(Func<Task<bool>> condition, string what)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (!await condition())
        {
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"Gave up waiting for {what}.");
            await Task.Delay(100);
        }
    }
}
