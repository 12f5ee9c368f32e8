using Alba;
using Tracker.IntegrationTests.Support;

namespace Tracker.IntegrationTests.Integrations;

/// <summary>Issue 15: an event appended while its authority's snapshot is missing (a live <c>rebuild Authority</c>)
/// must not be skipped by the relay or the feed; it is published once the snapshot is back.</summary>
public sealed class SnapshotRebuildTests(TrackerFixture fixture) : IntegrationTest(fixture)
{
    private WebhookReceiver _receiver = null!;

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        _receiver = await WebhookReceiver.StartAsync();
    }

    public override async Task DisposeAsync() => await _receiver.DisposeAsync();

    [Fact]
    public async Task An_event_appended_while_its_snapshot_is_missing_reaches_the_webhook_once_the_snapshot_is_back()
    {
        _receiver.Secret = (await Host.SubscribeAsync(new { url = _receiver.Url })).Secret!;
        var sequence = await SnapshotGap.AppendVisitWithoutSnapshotAsync(Fixture, "380", "https://files.ofsted.gov.uk/v1/file/1515");

        // The feed refuses to page past the event rather than leave it out ...
        await Eventually.GetAsync(FeedStatusAsync, status => status == 503, what: "the feed to stop at the missing snapshot");
        // ... and the relay does not advance past it while the snapshot is missing.
        await Task.Delay(TimeSpan.FromSeconds(2));
        (await SnapshotGap.RelayProgressAsync(Fixture)).ShouldBeLessThan(sequence);
        _receiver.Received.ShouldBeEmpty();

        await SnapshotGap.RestoreSnapshotAsync(Fixture, "380");

        // The daemon paused the relay after its retries; Wolverine restarts it (the failure is classed transient).
        await Eventually.TrueAsync(() => !_receiver.Received.IsEmpty, TimeSpan.FromSeconds(60), "the held-back webhook");
        _receiver.Received.ShouldHaveSingleItem().Type.ShouldEndWith("monitoring-visit.recorded");
        (await Host.AllEventsAsync()).ShouldHaveSingleItem().Subject.ShouldBe("380");
    }

    private async Task<int> FeedStatusAsync()
    {
        var result = await Host.Scenario(s => { s.Get.Url("/api/events"); s.IgnoreStatusCode(); });
        return result.Context.Response.StatusCode;
    }
}
