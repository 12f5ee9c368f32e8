using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Configuration;
using Tracker.Host.Hosting;

namespace Tracker.IntegrationTests.Security;

/// <summary>Tracker's forwarded-header setup, alone on a test server: who the caller is, as the rest of the pipeline sees it.</summary>
public sealed class ProxyHeadersTests
{
    [Fact]
    public async Task With_no_proxy_configured_forwarded_headers_are_ignored_even_from_loopback()
    {
        // ASP.NET Core's own default trusts loopback; Tracker's trusts nobody until told.
        (await CallerAsync([], from: "127.0.0.1")).ShouldBe("127.0.0.1 http");
    }

    [Fact]
    public async Task A_configured_proxy_supplies_the_callers_address_and_scheme_and_any_other_sender_does_not()
    {
        var settings = new Dictionary<string, string?> { ["Tracker:ForwardedHeaders:KnownProxies:0"] = "10.0.0.5" };
        (await CallerAsync(settings, from: "10.0.0.5")).ShouldBe("203.0.113.7 https");
        (await CallerAsync(settings, from: "10.0.0.6")).ShouldBe("10.0.0.6 http");
    }

    [Fact]
    public async Task A_configured_network_is_trusted_and_a_comma_separated_list_is_accepted()
    {
        var settings = new Dictionary<string, string?> { ["Tracker:ForwardedHeaders:KnownNetworks"] = "192.168.0.0/24, 10.1.0.0/16" };
        (await CallerAsync(settings, from: "10.1.200.3")).ShouldBe("203.0.113.7 https");
        (await CallerAsync(settings, from: "10.2.0.1")).ShouldBe("10.2.0.1 http");
    }

    [Fact]
    public void A_proxy_that_is_not_an_address_stops_the_host_with_the_setting_named()
    {
        var e = Should.Throw<InvalidOperationException>(() =>
            CallerAsync(new() { ["Tracker:ForwardedHeaders:KnownProxies:0"] = "proxy.local" }, "10.0.0.5").GetAwaiter().GetResult());
        e.Message.ShouldContain("Tracker:ForwardedHeaders:KnownProxies");
    }

    private static async Task<string> CallerAsync(Dictionary<string, string?> settings, string from)
    {
        var builder = WebApplication.CreateBuilder();
        builder.WebHost.UseTestServer();
        builder.Configuration.AddInMemoryCollection(settings);
        builder.AddProxyHeaders();
        await using var app = builder.Build();
        app.UseProxyHeaders();
        app.Run(http => http.Response.WriteAsync($"{http.Connection.RemoteIpAddress} {http.Request.Scheme}"));
        await app.StartAsync();
        var context = await app.GetTestServer().SendAsync(http =>
        {
            http.Connection.RemoteIpAddress = System.Net.IPAddress.Parse(from);
            http.Request.Path = "/";
            http.Request.Headers["X-Forwarded-For"] = "203.0.113.7";
            http.Request.Headers["X-Forwarded-Proto"] = "https";
        });
        return await new StreamReader(context.Response.Body).ReadToEndAsync();
    }
}
