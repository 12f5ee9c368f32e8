using Alba;
using Tracker.Domain.Common;
using Tracker.IntegrationTests.Support;

namespace Tracker.IntegrationTests.ReadModels;

public sealed class NationalPictureTests(TrackerFixture fixture) : IntegrationTest(fixture)
{
    public sealed record Picture(string Scope, string Area, int Authorities, int Outstanding, int Good, int RequiresImprovement, int Inadequate, int Ungraded, int Graded, decimal? GoodOrOutstandingPercent);
    public sealed record Row(string Id, string Name, string Grade, DateOnly? LatestPublishedOn, bool IsCurrent);
    public sealed record Neighbours(Row Authority, List<Row> NeighbourRows, Picture Picture);

    /// <summary>
    /// The fixed set: Bradford (380) inadequate 2018 then good Feb 2024; Leeds (383) outstanding 2019; Kirklees (382) requires
    /// improvement, published 2 April 2024 (after the date); Northamptonshire (928, abolished 2021) inadequate 2019;
    /// Barnet (302) good 2023 then inadequate 2025. On 31 March 2024, by hand: 153 authorities exist (Northamptonshire does not);
    /// outstanding 1 (Leeds), good 2 (Bradford, Barnet), requires improvement 0, inadequate 0, ungraded 150;
    /// graded 3, good or outstanding 3: 100.0%. On 31 March 2020: 150 exist... Northamptonshire inadequate, Bradford
    /// inadequate, Leeds outstanding: graded 3, 1 of 3 = 33.3%.
    /// </summary>
    private async Task FixedEvents()
    {
        await Host.Inspection("380", FrameworkVersion.Ilacs2018, "2018-10-01", "b18", Grade.Inadequate);
        await Host.Inspection("380", FrameworkVersion.Ilacs2023, "2024-02-01", "b23", Grade.Good);
        await Host.Inspection("383", FrameworkVersion.Ilacs2018, "2019-01-10", "l18", Grade.Outstanding);
        await Host.Inspection("382", FrameworkVersion.Ilacs2023, "2024-04-02", "k23", Grade.RequiresImprovement);
        await Host.Inspection("928", FrameworkVersion.Ilacs2018, "2019-08-01", "n18", Grade.Inadequate);
        await Host.Inspection("302", FrameworkVersion.Ilacs2023, "2023-06-01", "bn23", Grade.Good);
        await Host.Inspection("302", FrameworkVersion.Ilacs2023, "2025-06-01", "bn25", Grade.Inadequate);
        await ProjectionsCaughtUpAsync();
    }

    [Fact]
    public async Task The_national_picture_on_31_March_2024_matches_the_hand_count()
    {
        await FixedEvents();
        var p = await Host.GetJson<Picture>("/api/national?area=overall&asOf=2024-03-31");
        (p.Authorities, p.Outstanding, p.Good, p.RequiresImprovement, p.Inadequate, p.Ungraded, p.Graded).ShouldBe((153, 1, 2, 0, 0, 150, 3));
        p.GoodOrOutstandingPercent.ShouldBe(100.0m);

        var earlier = await Host.GetJson<Picture>("/api/national?asOf=2020-03-31");
        (earlier.Outstanding, earlier.Good, earlier.Inadequate, earlier.Graded).ShouldBe((1, 0, 2, 3));
        earlier.GoodOrOutstandingPercent.ShouldBe(33.3m);
    }

    [Fact]
    public async Task The_national_counts_can_be_recomputed_from_the_authority_list_at_the_same_date()
    {
        await FixedEvents();
        var p = await Host.GetJson<Picture>("/api/national?area=overall&asOf=2024-03-31");
        var rows = await Host.GetJson<List<Row>>("/api/authorities?area=overall&asOf=2024-03-31");
        rows.Count.ShouldBe(p.Authorities);
        rows.Count(r => r.Grade == "good").ShouldBe(p.Good);
        rows.Count(r => r.Grade == "outstanding").ShouldBe(p.Outstanding);
        rows.Count(r => r.Grade == "ungraded").ShouldBe(p.Ungraded);
        (await Host.GetJson<List<Row>>("/api/authorities?grade=good&asOf=2024-03-31")).Select(r => r.Id).Order().ShouldBe(["302", "380"]);
    }

    [Fact]
    public async Task The_list_before_the_split_includes_the_abolished_predecessor_and_not_its_successors()
    {
        var rows = await Host.GetJson<List<Row>>("/api/authorities?asOf=2020-03-31");
        rows.Select(r => r.Id).ShouldContain("928");
        rows.Select(r => r.Id).ShouldNotContain("940");
    }

    [Fact]
    public async Task A_region_counts_only_its_authorities()
    {
        await FixedEvents();
        var p = await Host.GetJson<Picture>("/api/regions/yorkshire-and-the-humber?area=overall&asOf=2024-03-31");
        p.Scope.ShouldBe("Yorkshire and the Humber");
        (p.Outstanding, p.Good, p.Graded).ShouldBe((1, 1, 2));
        await Host.Scenario(s => { s.Get.Url("/api/regions/atlantis"); s.StatusCodeShouldBe(404); });
    }

    [Fact]
    public async Task Neighbours_put_the_authority_beside_its_statistical_neighbours()
    {
        await FixedEvents();
        var answer = await Host.GetJson<Dictionary<string, System.Text.Json.JsonElement>>("/api/authorities/bradford/neighbours?asOf=2024-03-31");
        answer["authority"].GetProperty("grade").GetString().ShouldBe("good");
        var neighbours = answer["neighbours"].EnumerateArray().Select(n => n.GetProperty("id").GetString()).ToList();
        neighbours.Count.ShouldBe(10);
        neighbours.ShouldContain("382");
        answer["picture"].GetProperty("authorities").GetInt32().ShouldBe(10);
    }

    [Fact]
    public async Task KnownAt_counts_only_what_had_been_recorded_by_then()
    {
        await Host.Inspection("380", FrameworkVersion.Ilacs2023, "2024-02-01", "b23", Grade.Good);
        await Task.Delay(50);
        var before = Uri.EscapeDataString(DateTimeOffset.UtcNow.ToString("O"));
        await Task.Delay(50);
        await Host.Inspection("383", FrameworkVersion.Ilacs2018, "2019-01-10", "l18", Grade.Outstanding);

        var then = await Host.GetJson<Picture>($"/api/national?asOf=2024-03-31&knownAt={before}");
        (then.Authorities, then.Good, then.Outstanding, then.Graded).ShouldBe((153, 1, 0, 1));
        (await Host.GetJson<List<Row>>($"/api/authorities?asOf=2024-03-31&grade=outstanding&knownAt={before}")).ShouldBeEmpty();
        await ProjectionsCaughtUpAsync();
        (await Host.GetJson<Picture>("/api/national?asOf=2024-03-31")).Graded.ShouldBe(2);
    }

    [Fact]
    public async Task The_stored_picture_is_eventually_consistent_and_says_how_far_it_has_processed()
    {
        await ProjectionsCaughtUpAsync();
        var before = await Host.Scenario(s => s.Get.Url("/api/national?asOf=2024-03-31"));
        var seen = long.Parse(before.Context.Response.Headers["X-Projection-Sequence"].ToString());
        seen.ShouldBeGreaterThan(0);

        await Host.Inspection("380", FrameworkVersion.Ilacs2023, "2024-02-01", "b23", Grade.Good);
        var after = await Eventually.GetAsync(() => Host.GetJson<Picture>("/api/national?asOf=2024-03-31"), p => p.Good == 1, TimeSpan.FromSeconds(10), "the daemon to apply the inspection");
        after.Graded.ShouldBe(1);
        var later = await Host.Scenario(s => s.Get.Url("/api/national?asOf=2024-03-31"));
        long.Parse(later.Context.Response.Headers["X-Projection-Sequence"].ToString()).ShouldBeGreaterThan(seen);
        // knownAt answers fold the events themselves and carry no projection sequence.
        var known = await Host.Scenario(s => s.Get.Url($"/api/national?asOf=2024-03-31&knownAt={Uri.EscapeDataString(DateTimeOffset.UtcNow.AddMinutes(1).ToString("O"))}"));
        known.Context.Response.Headers.ContainsKey("X-Projection-Sequence").ShouldBeFalse();
    }

    [Fact]
    public async Task A_bad_area_is_a_400_problem()
    {
        await Host.Scenario(s => { s.Get.Url("/api/national?area=happiness"); s.StatusCodeShouldBe(400); });
    }

    [Fact]
    public async Task The_authority_list_as_CSV_has_the_expected_columns_and_one_row_per_authority()
    {
        await FixedEvents();
        var result = await Host.Scenario(s => { s.Get.Url("/api/authorities?asOf=2024-03-31"); s.WithRequestHeader("Accept", "text/csv"); });
        result.Context.Response.ContentType!.ShouldStartWith("text/csv");
        var lines = (await result.ReadAsTextAsync()).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        lines[0].ShouldBe("id,name,region,region_code,is_current,area,grade,latest_published_on,framework");
        lines.Length.ShouldBe(154);
        lines.ShouldContain("380,Bradford,Yorkshire and the Humber,E12000003,true,overall,good,2024-02-01,ilacs-2023");
    }

    [Fact]
    public async Task The_list_is_paged_with_a_total_and_a_next_link()
    {
        var result = await Host.Scenario(s => s.Get.Url("/api/authorities?pageSize=50&page=2"));
        result.Context.Response.Headers["X-Total-Count"].ToString().ShouldBe("153");
        result.Context.Response.Headers.Link.ToString().ShouldContain("page=3");
        (await result.Read<List<Row>>()).Count.ShouldBe(50);
    }
}
