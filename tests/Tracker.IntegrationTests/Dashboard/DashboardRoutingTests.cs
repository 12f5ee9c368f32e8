using Alba;
using Tracker.IntegrationTests.Support;

namespace Tracker.IntegrationTests.Dashboard;

/// <summary>The page is served only at its own addresses; the API, health and OpenAPI answer as before.</summary>
public sealed class DashboardRoutingTests(TrackerFixture fixture) : IntegrationTest(fixture)
{
    [Theory]
    [InlineData("/")]
    [InlineData("/authorities/bradford")]
    [InlineData("/authorities/E08000032?asOf=2019-03-31")]
    public async Task The_page_is_served_anonymously_with_a_self_only_policy_that_forbids_framing(string url)
    {
        var result = await Host.Scenario(s =>
        {
            s.Get.Url(url);
            s.RemoveRequestHeader("Authorization");
            s.StatusCodeShouldBeOk();
            s.ContentTypeShouldBe("text/html; charset=utf-8");
        });
        result.ReadAsText().ShouldContain("<script type=\"module\" src=\"/assets/app.js\"></script>");
        var policy = result.Context.Response.Headers.ContentSecurityPolicy.ToString();
        policy.ShouldContain("frame-ancestors 'none'");
        policy.ShouldContain("script-src 'self'");
        policy.ShouldNotContain("unsafe-inline");
        result.Context.Response.Headers.XFrameOptions.ToString().ShouldBe("DENY");
    }

    [Theory]
    [InlineData("/assets/app.js", "text/javascript")]
    [InlineData("/assets/chart.js", "text/javascript")]
    [InlineData("/assets/app.css", "text/css")]
    public async Task Assets_are_served_by_the_host(string url, string type)
    {
        var result = await Host.Scenario(s =>
        {
            s.Get.Url(url);
            s.RemoveRequestHeader("Authorization");
            s.StatusCodeShouldBeOk();
        });
        result.Context.Response.ContentType.ShouldNotBeNull().ShouldStartWith(type);
    }

    [Theory]
    [InlineData("/api/nothing-here")]
    [InlineData("/api/authorities/380/nothing")]
    [InlineData("/authorities/380/timeline")]
    [InlineData("/dashboard")]
    public async Task Other_paths_are_404_problems_not_the_page(string url)
    {
        var result = await Host.Scenario(s => { s.Get.Url(url); s.StatusCodeShouldBe(404); });
        result.Context.Response.ContentType.ShouldNotBeNull().ShouldStartWith("application/problem+json");
    }

    [Theory]
    [InlineData("/api/authorities/380", "application/json")]
    [InlineData("/health/live", null)]
    [InlineData("/openapi/v1.json", "application/json")]
    public async Task Api_health_and_openapi_answer_as_before(string url, string? type)
    {
        var result = await Host.Scenario(s => { s.Get.Url(url); s.StatusCodeShouldBeOk(); });
        if (type is not null) result.Context.Response.ContentType.ShouldNotBeNull().ShouldStartWith(type);
        result.Context.Response.Headers.ContentSecurityPolicy.ToString().ShouldBe("frame-ancestors 'none'");
    }
}
