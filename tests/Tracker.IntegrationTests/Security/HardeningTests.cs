using Alba;
using Tracker.Domain.Common;
using Tracker.Host.Common;
using Tracker.IntegrationTests.Support;

namespace Tracker.IntegrationTests.Security;

public sealed class HardeningTests(TrackerFixture fixture) : IntegrationTest(fixture)
{
    [Theory]
    [InlineData("/api/authorities/380", 200)]
    [InlineData("/api/authorities/999", 404)]
    public async Task Answers_and_problems_carry_the_security_headers(string url, int status)
    {
        var result = await Host.Scenario(s => { s.Get.Url(url); s.StatusCodeShouldBe(status); });
        var headers = result.Context.Response.Headers;
        headers.XContentTypeOptions.ToString().ShouldBe("nosniff");
        headers.XFrameOptions.ToString().ShouldBe("DENY");
        headers.ContentSecurityPolicy.ToString().ShouldContain("frame-ancestors 'none'");
        headers["Referrer-Policy"].ToString().ShouldBe("no-referrer");
    }

    [Fact]
    public void Page_sizes_default_and_are_capped()
    {
        Paging.Size(null).ShouldBe(Paging.DefaultPageSize);
        Paging.Size(20).ShouldBe(20);
        Paging.Size(1_000_000).ShouldBe(Paging.MaxPageSize);
        Should.Throw<Rejection>(() => Paging.Size(0)).Kind.ShouldBe(RejectionKind.Invalid);
    }

    [Fact]
    public async Task The_register_list_caps_an_oversized_page_instead_of_refusing_it()
    {
        var capped = await Host.Scenario(s => { s.Get.Url("/api/authorities?pageSize=9999&includeDefunct=true"); s.StatusCodeShouldBeOk(); });
        (await capped.Read<List<AuthorityEntryRow>>()).Count.ShouldBe(158);
        await Host.Scenario(s => { s.Get.Url("/api/authorities?pageSize=0"); s.StatusCodeShouldBe(400); });
        var small = await Host.Scenario(s => { s.Get.Url("/api/authorities?pageSize=2"); s.StatusCodeShouldBeOk(); });
        (await small.Read<List<AuthorityEntryRow>>()).Count.ShouldBe(2);
    }

    public sealed record AuthorityEntryRow(string Id);
}
