using Alba;
using Npgsql;
using Tracker.IntegrationTests.Support;

namespace Tracker.IntegrationTests.Integrations;

/// <summary>Signing secrets are encrypted at rest and can be rotated with an overlap in which both sign.</summary>
public sealed class WebhookSecretTests(TrackerFixture fixture) : IntegrationTest(fixture)
{
    private static readonly DateOnly Spring2024 = new(2024, 3, 1);
    private WebhookReceiver _receiver = null!;

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        _receiver = await WebhookReceiver.StartAsync();
    }

    public override async Task DisposeAsync() => await _receiver.DisposeAsync();

    private async Task<string> RotateAsync(Guid id, int overlapHours)
    {
        var result = await Host.Scenario(s =>
        {
            s.WithRequestHeader("Authorization", TestKeys.Bearer(TestKeys.Admin));
            s.Post.Json(new { overlapHours }).ToUrl($"/api/subscriptions/{id}/secret");
            s.StatusCodeShouldBe(200);
        });
        return (await result.Read<SubscriptionDto>()).Secret!;
    }

    private async Task<ReceivedWebhook> NextDeliveryAsync(string reference, int count)
    {
        await Host.RecordInspectionAsync("380", reference, Spring2024);
        await Eventually.TrueAsync(() => _receiver.Received.Count >= count, what: $"webhook {count}");
        return _receiver.Received.ToArray()[count - 1];
    }

    [Fact]
    public async Task The_secret_is_not_stored_in_plain_text()
    {
        var secret = (await Host.SubscribeAsync(new { url = _receiver.Url })).Secret!;

        await using var connection = new NpgsqlConnection(Fixture.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("select data::text from tracker.mt_doc_webhooksubscription", connection);
        var stored = (string)(await command.ExecuteScalarAsync())!;
        stored.ShouldNotContain(secret[6..]);
        stored.ShouldNotContain("whsec_");
    }

    [Fact]
    public async Task During_a_rotations_overlap_old_and_new_secrets_both_sign_then_only_the_new_one()
    {
        var subscription = await Host.SubscribeAsync(new { url = _receiver.Url });
        var second = await RotateAsync(subscription.Id, overlapHours: 1);
        second.ShouldNotBe(subscription.Secret);

        _receiver.Secret = subscription.Secret!;
        (await NextDeliveryAsync("https://files.ofsted.gov.uk/v1/file/s1", 1)).SignatureValid.ShouldBeTrue("the old secret still signs");
        _receiver.Secret = second;
        (await NextDeliveryAsync("https://files.ofsted.gov.uk/v1/file/s2", 2)).SignatureValid.ShouldBeTrue("the new secret signs");

        var third = await RotateAsync(subscription.Id, overlapHours: 0);
        (await NextDeliveryAsync("https://files.ofsted.gov.uk/v1/file/s3", 3)).SignatureValid.ShouldBeFalse("no overlap: the old one stopped");
        _receiver.Secret = third;
        (await NextDeliveryAsync("https://files.ofsted.gov.uk/v1/file/s4", 4)).SignatureValid.ShouldBeTrue();
    }

    [Fact]
    public async Task An_overlap_out_of_range_is_a_400()
    {
        var subscription = await Host.SubscribeAsync(new { url = _receiver.Url });

        await Host.Scenario(s =>
        {
            s.WithRequestHeader("Authorization", TestKeys.Bearer(TestKeys.Admin));
            s.Post.Json(new { overlapHours = 10_000 }).ToUrl($"/api/subscriptions/{subscription.Id}/secret");
            s.StatusCodeShouldBe(400);
        });
    }
}
