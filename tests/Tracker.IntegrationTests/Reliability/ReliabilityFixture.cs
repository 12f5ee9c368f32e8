using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using Alba;
using Marten;
using Marten.Storage;
using Microsoft.Extensions.DependencyInjection;
using Tracker.Host.Hosting;
using Tracker.Host.Integrations;
using Tracker.IntegrationTests.Integrations;
using Tracker.IntegrationTests.Support;
using Tracker.Projections.National;

namespace Tracker.IntegrationTests.Reliability;

/// <summary>
/// A host on a durable PostgreSQL of its own (crashed and restarted by the tests), with the daemon's stale-sequence
/// threshold shortened to one second, so a transaction held open for a few seconds is far past it, and a webhook retry
/// horizon of ten minutes with retries at most two seconds apart, so a receiver down "for minutes" is simulated in seconds;
/// the projection watchdog restarts a stalled GradePicture after 5 s instead of 30.
/// </summary>
public sealed class ReliabilityFixture : IAsyncLifetime
{
    public static readonly string[] Authorities = ["301", "302", "370", "800", "380", "383", "384", "372"];

    public EmbeddedPostgres Server { get; private set; } = null!;
    public IAlbaHost Host { get; private set; } = null!;
    public IDocumentStore Store => Host.Services.GetRequiredService<IDocumentStore>();
    public string ConnectionString => Server.ConnectionString;

    public async Task InitializeAsync()
    {
        Server = await TestDatabase.StartOwnServerAsync("tracker_reliability");
        Host = await TrackerFixture.StartHostAsync(Server.ConnectionString, new Dictionary<string, string>
        {
            ["Tracker:Daemon:StaleSequenceThreshold"] = "00:00:01",
            ["Tracker:Integrations:RetryHorizon"] = "00:10:00",
            ["Tracker:Integrations:MaxRetryDelay"] = "00:00:02",
            ["Tracker:Daemon:WatchdogInterval"] = "00:00:01",
            ["Tracker:Daemon:RestartStalledAfter"] = "00:00:05",
        });
    }

    public HttpClient CreateClient(string? key = TestKeys.Writer) => TrackerFixture.CreateClient(Host, key);

    /// <summary>The highest committed sequence, the high-water mark and the GradePicture and relay shards' progress.</summary>
    public async Task<(long Highest, long Mark, long Grades, long Relay)> ProgressAsync()
    {
        var highest = await ((MartenDatabase)Store.Storage.Database).FetchMaxEventSequenceAsync(CancellationToken.None) ?? 0;
        var rows = (await Store.Advanced.AllProjectionProgress()).GroupBy(r => r.ShardName).ToDictionary(g => g.Key, g => g.Max(r => r.Sequence));
        return (highest, rows.GetValueOrDefault("HighWaterMark"), rows.GetValueOrDefault($"{GradePictureProjection.ProjectionName}:All"),
            rows.GetValueOrDefault($"{IntegrationRelay.Name}:All"));
    }

    /// <summary>Waits until the mark, GradePicture and the relay have all reached the highest committed event; answers how long that took.</summary>
    public async Task<TimeSpan> CaughtUpAsync(TimeSpan within)
    {
        var clock = Stopwatch.StartNew();
        var target = (await ProgressAsync()).Highest;
        try
        {
            await Eventually.GetAsync(ProgressAsync, p => p.Mark >= target && p.Grades >= target && p.Relay >= target, within,
                $"the high-water mark, GradePicture and the relay to reach sequence {target}");
        }
        catch (TimeoutException e)
        {
            throw new TimeoutException($"{e.Message} Last seen: {await ProgressAsync()}", e);
        }
        return clock.Elapsed;
    }

    /// <summary>Posts until acknowledged (201 or 200), retrying what a client may retry: 503 with Retry-After, a dropped connection.</summary>
    public static async Task<HttpStatusCode> PostUntilAcknowledgedAsync(HttpClient client, string url, object body, TimeSpan within)
    {
        var deadline = DateTime.UtcNow + within;
        while (true)
        {
            HttpStatusCode? status = null;
            try
            {
                using var answer = await client.PostAsJsonAsync(url, body);
                status = answer.StatusCode;
                if (status is HttpStatusCode.Created or HttpStatusCode.OK) return status.Value;
                if (status == HttpStatusCode.ServiceUnavailable) answer.Headers.RetryAfter.ShouldNotBeNull("a 503 names when to retry");
                else if (status != HttpStatusCode.Conflict) throw new ShouldAssertException($"POST {url} answered {(int)status}: {await answer.Content.ReadAsStringAsync()}");
            }
            catch (HttpRequestException) { }
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"POST {url} not acknowledged within {within} (last {status}).");
            await Task.Delay(200);
        }
    }

    public async Task ReadyAsync() => await Eventually.GetAsync(async () =>
    {
        try { return (await CreateClient().GetAsync("/health/ready")).StatusCode; }
        catch (HttpRequestException) { return HttpStatusCode.ServiceUnavailable; }
    }, s => s == HttpStatusCode.OK, TimeSpan.FromSeconds(60), "/health/ready after the restart");

    public static object Inspection(string reference, int day = 1) => IntegrationDsl.Inspection(reference, new DateOnly(2024, 3, day));

    public async Task DisposeAsync()
    {
        await Host.DisposeAsync();
        await Server.DisposeAsync();
    }
}

[CollectionDefinition(Name)]
public sealed class ReliabilityCollection : ICollectionFixture<ReliabilityFixture>
{
    public const string Name = "reliability";
}
