using System.Collections.Concurrent;
using System.Diagnostics;
using Tracker.IntegrationTests.Integrations;
using Tracker.IntegrationTests.Support;
using Xunit.Abstractions;

namespace Tracker.IntegrationTests.Reliability;

/// <summary>
/// One webhook receiver fails (500s, then connection refused) for a long outage while another subscription keeps being
/// delivered on time; when the first comes back it receives every event, once, in order per authority. The retry
/// schedule is scaled (retries at most 2 s apart, 10 min horizon): the outage spans ~20 retry intervals, as an hour's
/// outage does against the production defaults (retries capped at 1 h are the exception; the first dozen come within minutes).
/// </summary>
[Collection(ReliabilityCollection.Name)]
[Trait("Category", "Slow")]
public sealed class ReceiverOutageTests(ReliabilityFixture fixture, ITestOutputHelper output)
{
    [Fact]
    public async Task A_receiver_down_for_many_retry_intervals_gets_everything_in_order_and_the_other_subscription_keeps_flowing()
    {
        var run = Guid.NewGuid().ToString("N")[..8];
        await using var down = await WebhookReceiver.StartAsync();
        await using var healthy = await WebhookReceiver.StartAsync();
        var types = new[] { "tracker.inspection.recorded" };
        var downSubscription = await fixture.Host.SubscribeAsync(new { url = down.Url, types });
        var healthySubscription = await fixture.Host.SubscribeAsync(new { url = healthy.Url, types });
        (down.Secret, healthy.Secret) = (downSubscription.Secret!, healthySubscription.Secret!);
        using var client = fixture.CreateClient();
        down.Answer = 500;

        var references = new List<string>();
        var latencies = new ConcurrentBag<TimeSpan>();
        var outage = Stopwatch.StartNew();
        for (var i = 0; i < 12; i++)
        {
            if (i == 6) await down.StopAsync(); // from errors to refused connections
            var reference = $"https://example.org/receiver-{run}-{i:D2}";
            var authority = i % 2 == 0 ? "370" : "800";
            references.Add(reference);
            await ReliabilityFixture.PostUntilAcknowledgedAsync(client, $"/api/authorities/{authority}/inspections",
                ReliabilityFixture.Inspection(reference, 1 + i), TimeSpan.FromSeconds(30));
            var sent = Stopwatch.StartNew();
            await Eventually.TrueAsync(() => healthy.Received.Any(r => r.Body.Contains(reference, StringComparison.Ordinal)),
                TimeSpan.FromSeconds(10), $"the healthy receiver to get {reference} on time");
            latencies.Add(sent.Elapsed);
            await Task.Delay(2500);
        }
        var failedDuringOutage = down.Received.Count;
        output.WriteLine($"outage {(int)outage.Elapsed.TotalSeconds} s; the failing receiver was tried {failedDuringOutage} times (answered 500) " +
                         $"before refusing; healthy latency max {(int)latencies.Max().TotalMilliseconds} ms, " +
                         $"mean {(int)latencies.Average(l => l.TotalMilliseconds)} ms");
        failedDuringOutage.ShouldBeGreaterThan(0, "the failing receiver was tried during the outage");

        down.Answer = 200;
        var before = down.Received.Count;
        await down.RestartAsync();
        var back = Stopwatch.StartNew();
        await Eventually.TrueAsync(() => Delivered(down, before, run).Count >= references.Count, TimeSpan.FromSeconds(60), "every event after the outage");
        output.WriteLine($"all {references.Count} delivered {(int)back.Elapsed.TotalMilliseconds} ms after the receiver came back");
        await Task.Delay(3000);

        var delivered = Delivered(down, before, run);
        delivered.Select(r => r.EventId).ShouldBeUnique("each event delivered once");
        delivered.ShouldAllBe(r => r.SignatureValid);
        delivered.Select(Reference).ShouldBe(references, ignoreOrder: true);
        foreach (var perAuthority in delivered.GroupBy(r => r.Subject))
            perAuthority.Select(r => r.Sequence).ShouldBeInOrder(SortDirection.Ascending, StringComparer.Ordinal);
        healthy.Received.Where(r => r.Body.Contains(run, StringComparison.Ordinal)).Select(r => r.EventId).ShouldBeUnique();
        await client.DeleteAsync($"/api/subscriptions/{downSubscription.Id}");
        await client.DeleteAsync($"/api/subscriptions/{healthySubscription.Id}");
    }

    /// <summary>What the receiver accepted after it came back (the failed attempts before are in Received too).</summary>
    private static List<ReceivedWebhook> Delivered(WebhookReceiver receiver, int before, string run) =>
        receiver.Received.Skip(before).Where(r => r.Body.Contains(run, StringComparison.Ordinal)).ToList();

    private static string Reference(ReceivedWebhook r) =>
        System.Text.RegularExpressions.Regex.Match(r.Body, "https://example.org/receiver-[^\"]+").Value;
}
