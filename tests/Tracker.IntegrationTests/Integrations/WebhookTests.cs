using Tracker.Host.Integrations.Webhooks;
using Tracker.IntegrationTests.Support;

namespace Tracker.IntegrationTests.Integrations;

public sealed class WebhookTests(TrackerFixture fixture) : IntegrationTest(fixture)
{
    private static readonly DateOnly Spring2024 = new(2024, 3, 1);
    private WebhookReceiver _receiver = null!;

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        _receiver = await WebhookReceiver.StartAsync();
    }

    public override async Task DisposeAsync() => await _receiver.DisposeAsync();

    private async Task<SubscriptionDto> SubscribeAsync(object? filters = null)
    {
        var subscription = await Host.SubscribeAsync(filters ?? new { url = _receiver.Url });
        _receiver.Secret = subscription.Secret!;
        return subscription;
    }

    [Fact]
    public async Task A_recorded_inspection_reaches_the_receiver_signed_with_the_secret_shown_at_creation()
    {
        var subscription = await SubscribeAsync();
        subscription.Secret.ShouldStartWith("whsec_");
        (await Host.GetJson<SubscriptionDto>($"/api/subscriptions/{subscription.Id}", TestKeys.Admin)).Secret.ShouldBeNull();

        await Host.RecordInspectionAsync("380", "https://files.ofsted.gov.uk/v1/file/1", Spring2024);

        await Eventually.TrueAsync(() => !_receiver.Received.IsEmpty, what: "a webhook");
        var received = _receiver.Received.ShouldHaveSingleItem();
        received.SignatureValid.ShouldBeTrue();
        var feed = (await Host.AllEventsAsync()).ShouldHaveSingleItem();
        received.Id.ShouldBe(feed.Id);
        received.EventId.ShouldBe(feed.Id);
        var attempt = (await Host.GetJson<List<AttemptDto>>($"/api/subscriptions/{subscription.Id}/attempts", TestKeys.Admin)).ShouldHaveSingleItem();
        attempt.StatusCode.ShouldBe(200);
        attempt.EventId.ShouldBe(feed.Id);
    }

    [Fact]
    public async Task A_receiver_down_for_a_while_gets_every_event_afterwards_in_order_per_authority()
    {
        var subscription = await SubscribeAsync();
        await _receiver.StopAsync();

        for (var i = 0; i < 3; i++)
        {
            await Host.RecordInspectionAsync("380", $"https://files.ofsted.gov.uk/v1/file/b{i}", Spring2024.AddMonths(i * 4), overall: i % 2 == 0 ? "good" : "inadequate");
            await Host.RecordInspectionAsync("leeds", $"https://files.ofsted.gov.uk/v1/file/l{i}", Spring2024.AddMonths(i * 4));
        }
        var expected = await Host.EventsEventuallyAsync(8);
        await Eventually.GetAsync(() => Host.GetJson<List<AttemptDto>>($"/api/subscriptions/{subscription.Id}/attempts", TestKeys.Admin),
            a => a.Count(x => x.Error is not null) >= 3, what: "failed attempts while the receiver is down");
        await Task.Delay(1500);
        await _receiver.RestartAsync();

        await Eventually.TrueAsync(() => _receiver.Received.Select(r => r.Id).Distinct().Count() == expected.Count,
            TimeSpan.FromSeconds(30), "every event after the receiver came back");
        var received = _receiver.Received.ToList();
        received.ShouldAllBe(r => r.SignatureValid);
        received.Select(r => r.Id).Distinct().Order().ShouldBe(expected.Select(e => e.Id).Order());
        foreach (var authority in received.GroupBy(r => r.Subject))
        {
            var firstArrivals = authority.DistinctBy(r => r.Id).Select(r => (r.Sequence, r.Id)).ToList();
            firstArrivals.ShouldBe(firstArrivals.OrderBy(x => x.Sequence, StringComparer.Ordinal).ThenBy(x => x.Id, StringComparer.Ordinal).ToList());
        }
    }

    [Fact]
    public async Task A_410_Gone_disables_the_subscription()
    {
        var subscription = await SubscribeAsync();
        _receiver.Answer = 410;

        await Host.RecordInspectionAsync("380", "https://files.ofsted.gov.uk/v1/file/1", Spring2024);

        var after = await Eventually.GetAsync(() => Host.GetJson<SubscriptionDto>($"/api/subscriptions/{subscription.Id}", TestKeys.Admin),
            s => s.Status == "disabled", what: "the subscription to be disabled");
        after.Status.ShouldBe("disabled");
        await Host.Scenario(s => { s.WithRequestHeader("Authorization", TestKeys.Bearer(TestKeys.Admin)); s.Post.Url($"/api/subscriptions/{subscription.Id}/resume"); s.StatusCodeShouldBe(409); });
    }

    [Fact]
    public async Task A_delivery_failing_past_the_retry_horizon_becomes_a_dead_letter_that_an_admin_can_replay()
    {
        var subscription = await SubscribeAsync();
        _receiver.Answer = 500;
        await Host.RecordInspectionAsync("380", "https://files.ofsted.gov.uk/v1/file/1", Spring2024);

        var dead = await Eventually.GetAsync(() => Host.GetJson<List<DeliveryDto>>($"/api/subscriptions/{subscription.Id}/dead-letters", TestKeys.Admin),
            d => d.Count == 1, TimeSpan.FromSeconds(30), "a dead letter");
        dead[0].Attempts.ShouldBeGreaterThan(2);
        dead[0].LastStatusCode.ShouldBe(500);

        _receiver.Answer = 200;
        await Host.Scenario(s => { s.WithRequestHeader("Authorization", TestKeys.Bearer(TestKeys.Admin)); s.Post.Url($"/api/subscriptions/{subscription.Id}/dead-letters/replay"); s.StatusCodeShouldBe(200); });

        await Eventually.GetAsync(() => Host.GetJson<List<DeliveryDto>>($"/api/subscriptions/{subscription.Id}/deliveries", TestKeys.Admin),
            d => d.Single().Status == "delivered", what: "the replayed delivery");
        (await Host.GetJson<List<DeliveryDto>>($"/api/subscriptions/{subscription.Id}/dead-letters", TestKeys.Admin)).ShouldBeEmpty();
        _receiver.Received.Last().SignatureValid.ShouldBeTrue();
    }

    [Fact]
    public async Task A_paused_subscription_receives_nothing_until_resumed_then_everything_it_missed()
    {
        var subscription = await SubscribeAsync(new { url = _receiver.Url, authorities = new[] { "bradford" } });
        await Host.Scenario(s => { s.WithRequestHeader("Authorization", TestKeys.Bearer(TestKeys.Admin)); s.Post.Url($"/api/subscriptions/{subscription.Id}/pause"); s.StatusCodeShouldBe(200); });

        await Host.RecordInspectionAsync("leeds", "https://files.ofsted.gov.uk/v1/file/2", Spring2024);
        await Host.RecordInspectionAsync("380", "https://files.ofsted.gov.uk/v1/file/1", Spring2024);
        await Host.EventsEventuallyAsync(2);
        await Task.Delay(1000);
        _receiver.Received.ShouldBeEmpty();

        await Host.Scenario(s => { s.WithRequestHeader("Authorization", TestKeys.Bearer(TestKeys.Admin)); s.Post.Url($"/api/subscriptions/{subscription.Id}/resume"); s.StatusCodeShouldBe(200); });
        await Eventually.TrueAsync(() => !_receiver.Received.IsEmpty, what: "the missed event");
        _receiver.Received.ShouldHaveSingleItem().Subject.ShouldBe("380");
    }

    [Fact]
    public async Task Deleting_a_subscription_removes_it()
    {
        var subscription = await SubscribeAsync();
        await Host.Scenario(s => { s.WithRequestHeader("Authorization", TestKeys.Bearer(TestKeys.Admin)); s.Delete.Url($"/api/subscriptions/{subscription.Id}"); s.StatusCodeShouldBe(204); });
        await Host.Scenario(s => { s.WithRequestHeader("Authorization", TestKeys.Bearer(TestKeys.Admin)); s.Get.Url($"/api/subscriptions/{subscription.Id}"); s.StatusCodeShouldBe(404); });
    }

    [Fact]
    public async Task A_subscription_with_an_unknown_type_or_authority_is_a_400()
    {
        var result = await Host.Scenario(s =>
        {
            s.Post.Json(new { url = _receiver.Url, types = new[] { "tracker.nope" }, authorities = new[] { "atlantis" } }).ToUrl("/api/subscriptions");
            s.WithRequestHeader("Authorization", TestKeys.Bearer(TestKeys.Admin));
            s.StatusCodeShouldBe(400);
        });
        var problem = await result.Read<Problem>();
        problem.Errors!.Keys.ShouldBe(["types", "authorities"], ignoreOrder: true);
    }

    [Theory]
    [InlineData("http://127.0.0.1:9/hook")]
    [InlineData("http://10.1.2.3/hook")]
    [InlineData("http://192.168.0.10/hook")]
    [InlineData("http://169.254.169.254/latest/meta-data")]
    [InlineData("http://[::1]/hook")]
    [InlineData("ftp://example.org/hook")]
    public async Task Private_and_non_http_targets_are_refused_unless_configuration_allows_them(string url)
    {
        (await TargetGuard.CheckAsync(url, allowPrivate: false, CancellationToken.None)).ShouldNotBeNull();
    }

    [Fact]
    public async Task A_public_address_passes_the_target_guard()
    {
        (await TargetGuard.CheckAsync("https://93.184.215.14/hook", allowPrivate: false, CancellationToken.None)).ShouldBeNull();
    }
}
