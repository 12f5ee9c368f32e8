using System.Net;
using Alba;
using Microsoft.Extensions.DependencyInjection;
using Tracker.Host.Security;
using Tracker.IntegrationTests.Support;

namespace Tracker.IntegrationTests.Edge;

[Collection(EdgeCollection.Name)]
public sealed class AddressLimitTests(EdgeFixture fixture)
{
    private IAlbaHost Host => fixture.Host;
    private ApiKeyCache Keys => Host.Services.GetRequiredService<ApiKeyCache>();

    [Fact]
    public async Task A_flood_of_bad_keys_from_one_address_gets_429_with_retry_after_before_any_key_is_looked_up()
    {
        var address = fixture.NewAddress();
        var readsBefore = Keys.StoreReads;
        var statuses = new List<int>();
        for (var i = 0; i < EdgeFixture.AddressPermits + 4; i++)
        {
            // A different unknown id each time: the negative cache cannot answer, only the limiter can spare the store.
            var result = await Send(address, $"trk_bad{i:D4}_{new string('x', 32)}");
            statuses.Add(result.Context.Response.StatusCode);
            if (result.Context.Response.StatusCode == 429)
            {
                int.Parse(result.Context.Response.Headers.RetryAfter.ToString()).ShouldBeGreaterThan(0);
                (await result.Read<Problem>()).Code.ShouldBe("rate_limited");
            }
        }

        statuses.ShouldBe([.. Enumerable.Repeat(401, EdgeFixture.AddressPermits), .. Enumerable.Repeat(429, 4)]);
        (Keys.StoreReads - readsBefore).ShouldBe(EdgeFixture.AddressPermits);
    }

    [Fact]
    public async Task An_unknown_key_id_is_read_from_the_store_once_within_the_cache_window()
    {
        var address = fixture.NewAddress();
        var readsBefore = Keys.StoreReads;
        for (var i = 0; i < 5; i++)
            (await Send(address, $"trk_nosuchkey_{new string('y', 32)}")).Context.Response.StatusCode.ShouldBe(401);
        (Keys.StoreReads - readsBefore).ShouldBe(1);
    }

    [Fact]
    public async Task Behind_the_trusted_proxy_each_client_has_its_own_budget_and_a_spoofed_header_from_elsewhere_changes_nothing()
    {
        var proxy = IPAddress.Parse(EdgeFixture.TrustedProxy);
        // Client A, through the proxy, spends its whole budget; client B through the same proxy is unaffected.
        for (var i = 0; i < EdgeFixture.AddressPermits; i++)
            (await Send(proxy, TestKeys.Reader, forwardedFor: "203.0.113.10")).Context.Response.StatusCode.ShouldBe(200);
        (await Send(proxy, TestKeys.Reader, forwardedFor: "203.0.113.10")).Context.Response.StatusCode.ShouldBe(429);
        var other = await Send(proxy, TestKeys.Reader, forwardedFor: "203.0.113.11");
        other.Context.Response.StatusCode.ShouldBe(200, await other.ReadAsTextAsync());

        // A sender that is not the proxy cannot pick a fresh address per request: the header is ignored.
        var spoofer = fixture.NewAddress();
        var statuses = new List<int>();
        for (var i = 0; i < EdgeFixture.AddressPermits + 1; i++)
            statuses.Add((await Send(spoofer, TestKeys.Reader, forwardedFor: $"203.0.113.{100 + i}")).Context.Response.StatusCode);
        statuses[^1].ShouldBe(429);
    }

    private Task<IScenarioResult> Send(IPAddress from, string key, string? forwardedFor = null) => Host.Scenario(s =>
    {
        s.Get.Url("/api/authorities/380");
        s.ConfigureHttpContext(http => http.Connection.RemoteIpAddress = from);
        s.WithRequestHeader("Authorization", TestKeys.Bearer(key));
        if (forwardedFor is not null) s.WithRequestHeader("X-Forwarded-For", forwardedFor);
        s.IgnoreStatusCode();
    });
}
