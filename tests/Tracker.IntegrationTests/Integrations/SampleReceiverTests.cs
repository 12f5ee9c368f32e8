using System.Security.Cryptography;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Tracker.IntegrationTests.Support;
using Tracker.Samples.WebhookReceiver;

namespace Tracker.IntegrationTests.Integrations;

/// <summary>samples/WebhookReceiver, run against real signed deliveries from the Host.</summary>
public sealed class SampleReceiverTests(TrackerFixture fixture) : IntegrationTest(fixture), IAsyncLifetime
{
    private WebApplication _sample = null!;
    private string Url => new Uri(_sample.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!
        .Addresses.First()) + "webhooks/tracker";
    private ReceivedEvents Received => _sample.Services.GetRequiredService<ReceivedEvents>();

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        _sample = ReceiverApp.Build([], b =>
        {
            b.WebHost.UseUrls("http://127.0.0.1:0");
            b.Logging.ClearProviders();
        });
        await _sample.StartAsync();
    }

    public override async Task DisposeAsync() => await _sample.DisposeAsync();

    /// <summary>Subscribes the sample and hands it <paramref name="secret"/>, or the secret Tracker issued when null.</summary>
    private async Task SubscribeAsync(string? secret = null)
    {
        var issued = (await Host.SubscribeAsync(new { url = Url })).Secret!;
        _sample.Configuration[ReceiverApp.SecretKey] = secret ?? issued;
    }

    [Fact]
    public async Task The_sample_verifies_a_signed_delivery_and_reads_the_cloud_event_with_the_sdk()
    {
        await SubscribeAsync();
        await Host.RecordInspectionAsync("bradford", "https://files.ofsted.gov.uk/v1/file/1", new DateOnly(2024, 3, 1));
        var feed = (await Host.EventsEventuallyAsync(1)).Single();

        await Eventually.TrueAsync(() => Received.Accepted.Count == 1, TimeSpan.FromSeconds(15), "the sample's delivery");
        Received.Accepted.Single().ShouldBe(new ReceivedEvent(feed.Id, "tracker.inspection.recorded", "380", feed.Sequence));
        Received.Rejected.ShouldBe(0);
    }

    [Fact]
    public async Task The_sample_refuses_a_delivery_signed_with_another_secret()
    {
        await SubscribeAsync("whsec_" + Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)));
        await Host.RecordInspectionAsync("bradford", "https://files.ofsted.gov.uk/v1/file/1", new DateOnly(2024, 3, 1));

        await Eventually.TrueAsync(() => Received.Rejected > 0, TimeSpan.FromSeconds(15), "the refused delivery");
        Received.Accepted.ShouldBeEmpty();
    }
}
