using Alba;
using Marten;
using Microsoft.Extensions.DependencyInjection;
using Tracker.Host.Integrations.Webhooks;
using Tracker.IntegrationTests.Support;

namespace Tracker.IntegrationTests.Edge;

/// <summary>SSRF through names: the address a name resolves to decides, at subscription and again at delivery.</summary>
[Collection(EdgeCollection.Name)]
public sealed class WebhookTargetTests(EdgeFixture fixture)
{
    private IAlbaHost Host => fixture.Host;

    [Theory]
    [InlineData("loopback.test", "127.0.0.1")]
    [InlineData("intranet.test", "10.20.30.40")]
    [InlineData("metadata.test", "169.254.169.254")]
    public async Task A_name_that_resolves_to_a_private_address_is_refused_at_subscription(string host, string address)
    {
        fixture.Resolver.Map(host, address);
        var problem = await Subscribe($"https://{host}/hook", 400);
        problem.Errors!["url"].ShouldHaveSingleItem().ShouldBe(TargetGuard.PrivateRefusal);
    }

    [Fact]
    public async Task A_name_with_any_private_address_among_public_ones_is_refused_and_a_public_one_is_accepted()
    {
        fixture.Resolver.Map("mixed.test", "93.184.215.14", "192.168.1.5");
        (await Subscribe("https://mixed.test/hook", 400)).Errors!["url"].ShouldHaveSingleItem().ShouldBe(TargetGuard.PrivateRefusal);
        fixture.Resolver.Map("public.test", "93.184.215.14");
        await Subscribe("https://public.test/hook", 201);
    }

    [Fact]
    public async Task A_name_that_turns_private_after_subscribing_is_refused_at_delivery()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        fixture.Resolver.Map("rebind.test", "93.184.215.14");
        await Subscribe($"http://rebind.test:{receiver.Port}/hook", 201);
        fixture.Resolver.Map("rebind.test", "127.0.0.1"); // DNS rebinding: now the receiver on loopback

        await using var session = Host.Services.GetRequiredService<IDocumentStore>().QuerySession();
        var subscription = (await session.Query<WebhookSubscription>().ToListAsync()).Single(s => s.Url.Contains("rebind.test"));
        var sender = Host.Services.GetRequiredService<WebhookSender>();
        var result = await sender.SendAsync(subscription, new WebhookDelivery { EventId = "rebind-1", Body = "{}" }, CancellationToken.None);

        result.Succeeded.ShouldBeFalse();
        result.Error.ShouldNotBeNull().ShouldContain("private address");
        receiver.Received.ShouldBeEmpty();
    }

    private async Task<Problem> Subscribe(string url, int status)
    {
        var result = await Host.Scenario(s =>
        {
            s.Post.Json(new { url }).ToUrl("/api/subscriptions");
            s.WithRequestHeader("Authorization", TestKeys.Bearer(TestKeys.Admin));
            s.StatusCodeShouldBe(status);
        });
        return status == 400 ? await result.Read<Problem>() : null!;
    }
}
