using System.Net;
using Alba;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Tracker.Domain.Inspections;
using Tracker.IntegrationTests.Inspections;
using Tracker.IntegrationTests.Support;

namespace Tracker.IntegrationTests.Security;

/// <summary>Who may do what on the default host: anonymous reads on, writes need a writer key.</summary>
public sealed class AccessTests(TrackerFixture fixture) : IntegrationTest(fixture)
{
    private const string Inspections = "/api/authorities/380/inspections";

    [Fact]
    public async Task A_write_without_credentials_is_a_401_with_a_bearer_challenge_and_records_nothing()
    {
        var result = await Host.Scenario(s =>
        {
            s.Post.Json(RecordInspectionTests.Ilacs2023("anon")).ToUrl(Inspections);
            s.RemoveRequestHeader("Authorization");
            s.StatusCodeShouldBe(401);
            s.ContentTypeShouldBe("application/problem+json");
        });
        result.Context.Response.Headers.WWWAuthenticate.ToString().ShouldStartWith("Bearer");
        (await StreamLength()).ShouldBe(1);
    }

    [Theory]
    [InlineData(TestKeys.Revoked)]
    [InlineData("trk_nosuchkey_z0123456789abcdefghijklmnopqrstuv")]
    [InlineData("trk_testwriter_wrong-secret-0123456789abcdefghij")]
    [InlineData("not-a-key")]
    public async Task A_write_with_an_unknown_revoked_or_malformed_key_is_a_401(string key)
    {
        await Host.Scenario(s =>
        {
            s.Post.Json(RecordInspectionTests.Ilacs2023("bad-key")).ToUrl(Inspections);
            s.WithRequestHeader("Authorization", TestKeys.Bearer(key));
            s.StatusCodeShouldBe(401);
        });
        (await StreamLength()).ShouldBe(1);
    }

    [Fact]
    public async Task A_write_with_a_reader_key_is_a_403_problem()
    {
        await Host.Scenario(s =>
        {
            s.Post.Json(RecordInspectionTests.Ilacs2023("reader")).ToUrl(Inspections);
            s.WithRequestHeader("Authorization", TestKeys.Bearer(TestKeys.Reader));
            s.StatusCodeShouldBe(403);
            s.ContentTypeShouldBe("application/problem+json");
        });
        (await StreamLength()).ShouldBe(1);
    }

    [Fact]
    public async Task Reads_are_open_without_credentials_but_not_with_bad_ones()
    {
        await Host.Scenario(s => { s.Get.Url("/api/authorities/380"); s.RemoveRequestHeader("Authorization"); s.StatusCodeShouldBeOk(); });
        await Host.Scenario(s => { s.Get.Url("/api/authorities/380"); s.WithRequestHeader("Authorization", TestKeys.Bearer(TestKeys.Revoked)); s.StatusCodeShouldBe(401); });
    }

    [Fact]
    public async Task A_key_in_the_query_string_is_refused_even_when_valid()
    {
        var result = await Host.Scenario(s =>
        {
            s.Get.Url($"/api/authorities/380?api_key={TestKeys.Admin}");
            s.RemoveRequestHeader("Authorization");
            s.StatusCodeShouldBe(400);
        });
        (await result.Read<Problem>()).Code.ShouldBe("credentials_in_query");
    }

    [Fact]
    public async Task The_recorded_by_identity_is_the_authenticated_key_not_a_header()
    {
        await Host.Post(Inspections, RecordInspectionTests.Ilacs2023("who"), configure: s => s.WithRequestHeader("X-Recorded-By", "someone-else"));

        await using var session = Fixture.Store.QuerySession();
        var recorded = (await session.Events.FetchStreamAsync("380")).Select(e => e.Data).OfType<InspectionRecorded>().Single();
        recorded.Recorded.By.ShouldBe("key:test-writer");
    }

    [Fact]
    public async Task Every_api_endpoint_requires_an_authorization_policy()
    {
        var endpoints = Host.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText?.TrimStart('/').StartsWith("api/", StringComparison.Ordinal) == true).ToList();
        endpoints.Count.ShouldBeGreaterThan(5);
        endpoints.ShouldAllBe(e => e.Metadata.GetOrderedMetadata<IAuthorizeData>().Any(a => a.Policy != null && a.Policy.StartsWith("role:")));
    }

    private async Task<int> StreamLength()
    {
        await using var session = Fixture.Store.QuerySession();
        return (await session.Events.FetchStreamAsync("380")).Count;
    }
}
