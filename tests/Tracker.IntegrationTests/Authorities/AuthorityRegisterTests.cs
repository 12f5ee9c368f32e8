using Alba;
using Marten;
using Microsoft.Extensions.DependencyInjection;
using Tracker.Host.Authorities;
using Tracker.Host.Authorities.Registration;
using Tracker.IntegrationTests.Support;

namespace Tracker.IntegrationTests.Authorities;

public sealed class AuthorityRegisterTests(TrackerFixture fixture) : IntegrationTest(fixture)
{
    [Fact]
    public async Task The_register_lists_the_153_current_authorities()
    {
        var current = await Host.GetJson<List<AuthorityEntry>>("/api/authorities");
        current.Count.ShouldBe(153);
        current.ShouldAllBe(a => a.IsCurrent);
        current.Select(a => a.Id).ShouldNotContain("928");
    }

    [Fact]
    public async Task Defunct_authorities_include_predecessors_missing_from_the_lookup()
    {
        var all = await Host.GetJson<List<AuthorityEntry>>("/api/authorities?includeDefunct=true");
        all.ShouldNotBeNull();
        all.Where(a => !a.IsCurrent).Select(a => a.Id).Order().ShouldBe(["835", "836", "837", "909", "928"]);
        all.Single(a => a.Id == "837").Name.ShouldBe("Bournemouth");
        all.Single(a => a.Id == "835").Name.ShouldBe("Dorset County");
        all.Single(a => a.Id == "928").Successors.Select(s => s.AuthorityId).Order().ShouldBe(["940", "941"]);
        all.Single(a => a.Id == "380").GssCode.ShouldBe("E08000032");
    }

    [Fact]
    public async Task North_Northamptonshire_shows_its_predecessor_with_the_date()
    {
        var entry = await Host.GetJson<AuthorityEntry>("/api/authorities/940");
        entry.Name.ShouldBe("North Northamptonshire");
        entry.FormedOn.ShouldBe(new DateOnly(2021, 4, 1));
        entry.Predecessors.Single().AuthorityId.ShouldBe("928");
        entry.Predecessors.Single().Name.ShouldBe("Northamptonshire");

        var northamptonshire = await Host.GetJson<AuthorityEntry>("/api/authorities/928");
        northamptonshire.AbolishedOn.ShouldBe(new DateOnly(2021, 4, 1));
        northamptonshire.Successors.Select(s => s.AuthorityId).Order().ShouldBe(["940", "941"]);
    }

    [Fact]
    public async Task Counties_that_became_unitaries_under_the_same_code_are_not_reorganisations()
    {
        var somerset = await Host.GetJson<AuthorityEntry>("/api/authorities/933");
        somerset.IsCurrent.ShouldBeTrue();
        somerset.Predecessors.ShouldBeEmpty();
    }

    [Theory]
    [InlineData("380")]
    [InlineData("E08000032")]
    [InlineData("e08000032")]
    [InlineData("80449")]
    [InlineData("bradford")]
    [InlineData("Bradford")]
    public async Task Any_code_or_the_slug_finds_the_authority(string key)
    {
        var entry = await Host.GetJson<AuthorityEntry>($"/api/authorities/{key}");
        entry.Id.ShouldBe("380");
        entry.Name.ShouldBe("Bradford");
    }

    [Fact]
    public async Task An_unknown_authority_is_a_404_problem()
    {
        var result = await Host.Scenario(s =>
        {
            s.Get.Url("/api/authorities/atlantis");
            s.StatusCodeShouldBe(404);
            s.ContentTypeShouldBe("application/problem+json");
        });
        var problem = await result.Read<Problem>();
        problem.Title.ShouldBe("Unknown authority");
    }

    [Fact]
    public async Task Registering_twice_appends_nothing()
    {
        var store = Host.Services.GetRequiredService<IDocumentStore>();
        var before = await EventCount(store);

        var summary = await Host.Services.GetRequiredService<AuthorityRegistrar>().RegisterAsync(store, CancellationToken.None);

        summary.Registered.ShouldBe(0);
        summary.LineageEvents.ShouldBe(0);
        (await EventCount(store)).ShouldBe(before);
        before.ShouldBe(158 + 11);
    }

    [Fact]
    public async Task The_register_entry_carries_an_etag_that_answers_if_none_match()
    {
        var first = await Host.Scenario(s => s.Get.Url("/api/authorities/380"));
        var etag = first.Context.Response.Headers.ETag.ToString();
        etag.ShouldBe("\"1\"");
        await Host.Scenario(s =>
        {
            s.Get.Url("/api/authorities/380");
            s.WithRequestHeader("If-None-Match", etag);
            s.StatusCodeShouldBe(304);
        });
    }

    private static async Task<long> EventCount(IDocumentStore store)
    {
        await using var session = store.QuerySession();
        return await session.Events.QueryAllRawEvents().CountAsync();
    }
}
