using System.Net;
using System.Net.Http.Json;
using Tracker.Host.Hosting;
using Tracker.IntegrationTests.Support;

namespace Tracker.IntegrationTests.Integrations;

/// <summary>Runs a Tracker process on a PostgreSQL of its own, so the server can be crashed without disturbing other tests.</summary>
public sealed class PostgresRestartTests(TrackerFixture fixture) : IntegrationTest(fixture)
{
    [Fact]
    [Trait("Category", "Slow")]
    public async Task After_PostgreSQL_crashes_and_restarts_new_events_still_reach_the_feed_and_the_webhook()
    {
        var folder = Path.Combine(Path.GetTempPath(), "tracker-tests", $"{Environment.ProcessId}-pgr{Guid.NewGuid():N}"[..24]);
        await using var postgres = await EmbeddedPostgres.StartAsync(folder, persistent: false, database: "tracker_restart");
        await using var receiver = await WebhookReceiver.StartAsync();
        await using var host = new HostProcess(postgres.ConnectionString);
        await host.StartAsync();
        var created = await host.Client.PostAsJsonAsync(new Uri(host.BaseAddress, "/api/subscriptions"), new { url = receiver.Url });
        receiver.Secret = (await created.Content.ReadFromJsonAsync<SubscriptionDto>(Json.Options))!.Secret!;

        await RecordAsync(host, "380", "https://files.ofsted.gov.uk/v1/file/1");
        await Eventually.TrueAsync(() => receiver.Received.Count == 1, TimeSpan.FromSeconds(30), "the first webhook");

        // Immediate mode is a crash: no checkpoint, every connection cut. pg_ctl restart keeps the port and options;
        // -l keeps the server's output off our pipe, which would otherwise never close.
        var runAs = Environment.UserName == "root" ? "postgres" : null;
        EmbeddedPostgres.Run(Path.Combine(PostgresBinaries.Find()!, "pg_ctl"),
            ["restart", "-D", postgres.DataDirectory, "-m", "immediate", "-w", "-t", "60",
             "-l", Path.Combine(postgres.DataDirectory, "..", "postgres.log")], runAs);

        await RecordAsync(host, "leeds", "https://files.ofsted.gov.uk/v1/file/2");

        try
        {
            await Eventually.TrueAsync(() => receiver.Received.Select(r => r.Id).Distinct().Count() == 2, TimeSpan.FromSeconds(60), "the webhook after the restart");
        }
        catch (TimeoutException e)
        {
            throw new TimeoutException(e.Message + Environment.NewLine + host.Tail(), e);
        }
        receiver.Received.ShouldAllBe(r => r.SignatureValid);
        var feed = await Eventually.GetAsync(async () => await host.Client.GetFromJsonAsync<FeedPageDto>(new Uri(host.BaseAddress, "/api/events?after=0"), Json.Options),
            p => p!.Items.Count == 2, TimeSpan.FromSeconds(30), "both events on the feed");
        feed!.Items.Select(i => i.Id).ShouldBe(receiver.Received.DistinctBy(r => r.Id).OrderBy(r => r.Sequence, StringComparer.Ordinal).Select(r => r.Id));
    }

    /// <summary>Writes are idempotent, so a request that failed while the server was down is simply sent again.</summary>
    private static async Task RecordAsync(HostProcess host, string authority, string reference)
    {
        await Eventually.GetAsync(async () =>
        {
            try
            {
                var response = await host.Client.PostAsJsonAsync(new Uri(host.BaseAddress, $"/api/authorities/{authority}/inspections"),
                    IntegrationDsl.Inspection(reference, new DateOnly(2024, 3, 1)));
                return response.StatusCode is HttpStatusCode.Created or HttpStatusCode.OK;
            }
            catch (HttpRequestException) { return false; }
        }, ok => ok, TimeSpan.FromSeconds(60), $"recording {reference}");
    }
}
