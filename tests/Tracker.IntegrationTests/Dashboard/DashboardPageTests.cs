using System.Globalization;
using System.Text.Json;
using Microsoft.Playwright;

namespace Tracker.IntegrationTests.Dashboard;

/// <summary>The dashboard in a real browser (headless Chromium) against the Host process, bundled data.</summary>
[Collection(DashboardCollection.Name)]
public sealed class DashboardPageTests(DashboardFixture fixture)
{
    private static readonly PageWaitForSelectorOptions Visible = new() { Timeout = 15_000 };

    [Fact]
    public async Task The_national_page_draws_the_quarterly_chart_and_shows_the_figures_the_api_gives()
    {
        var api = await fixture.GetJsonAsync("/api/national");
        var series = await fixture.GetJsonAsync("/api/national/series");
        var page = await fixture.NewPageAsync();
        await page.GotoAsync("/");
        await page.WaitForSelectorAsync("body[data-ready=national]", Visible);

        var percent = await page.TextContentAsync("[data-scope=england] [data-figure=percent]");
        percent.ShouldBe(Percent(api.GetProperty("goodOrOutstandingPercent")));
        (await page.TextContentAsync("[data-scope=england] [data-figure=good]"))
            .ShouldBe(api.GetProperty("good").ToString());
        var path = await page.GetAttributeAsync(".chart [data-series=England] path.line", "d");
        var points = series.GetProperty("points").EnumerateArray()
            .Count(p => p.GetProperty("goodOrOutstandingPercent").ValueKind == JsonValueKind.Number);
        points.ShouldBeGreaterThan(8, "the bundled data has graded inspections from 2014 on");
        path.ShouldNotBeNull().Count(c => c is 'M' or 'L').ShouldBe(points);
        (await page.Locator(".chart [data-series=England] circle.dot").CountAsync()).ShouldBe(points);
    }

    [Fact]
    public async Task Searching_by_a_code_or_a_name_leads_to_the_authority_page()
    {
        var page = await fixture.NewPageAsync();
        await page.GotoAsync("/");
        await page.WaitForSelectorAsync("body[data-ready=national]", Visible);
        await page.FillAsync("#q", "E08000032");
        await page.PressAsync("#q", "Enter");
        await page.WaitForURLAsync("**/authorities/bradford", new() { Timeout = 15_000 });
        await page.WaitForSelectorAsync("[data-view=authority][data-authority='380']", Visible);
        (await page.TextContentAsync("h1")).ShouldNotBeNull().ShouldStartWith("Bradford");
        (await page.Locator(".grades-table tbody tr").CountAsync()).ShouldBeGreaterThan(0);
        (await page.Locator(".timeline li[data-kind=inspection]").CountAsync()).ShouldBeGreaterThan(1);

        await page.FillAsync("#q", "sunderl");
        await page.PressAsync("#q", "Enter");
        await page.WaitForURLAsync("**/authorities/sunderland", new() { Timeout = 15_000 });
        await page.WaitForSelectorAsync("[data-view=authority][data-authority='394']", Visible);
    }

    [Fact]
    public async Task The_date_control_reloads_the_figures_as_at_that_date_and_the_address_can_be_shared()
    {
        var now = await fixture.GetJsonAsync("/api/national");
        var then = await fixture.GetJsonAsync("/api/national?asOf=2019-03-31");
        Percent(then.GetProperty("goodOrOutstandingPercent"))
            .ShouldNotBe(Percent(now.GetProperty("goodOrOutstandingPercent")));
        var page = await fixture.NewPageAsync();
        await page.GotoAsync("/");
        await page.WaitForSelectorAsync("body[data-ready=national]", Visible);
        var figure = page.Locator("[data-scope=england] [data-figure=percent]");
        (await figure.TextContentAsync()).ShouldBe(Percent(now.GetProperty("goodOrOutstandingPercent")));

        await page.FillAsync("#asof", "2019-03-31");
        await Assertions.Expect(figure).ToHaveTextAsync(Percent(then.GetProperty("goodOrOutstandingPercent")));
        page.Url.ShouldEndWith("/?asOf=2019-03-31");
        (await page.TextContentAsync("h1")).ShouldNotBeNull().ShouldContain("31 Mar 2019");

        // The address carries the date to another reader, and to the authority page.
        var shared = await fixture.NewPageAsync();
        await shared.GotoAsync("/authorities/bradford?asOf=2019-03-31");
        await shared.WaitForSelectorAsync("[data-view=authority]", Visible);
        (await shared.InputValueAsync("#asof")).ShouldBe("2019-03-31");
        (await shared.TextContentAsync("[data-figure=latest-published]")).ShouldBe("29 Oct 2018");
        await shared.FillAsync("#asof", DateTime.UtcNow.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        await Assertions.Expect(shared.Locator("[data-figure=latest-published]")).Not.ToHaveTextAsync("29 Oct 2018");
    }

    [Fact]
    public async Task Lineage_links_lead_from_a_defunct_authority_to_its_successors_and_back()
    {
        var page = await fixture.NewPageAsync();
        await page.GotoAsync("/authorities/928?asOf=2022-01-01");
        await page.WaitForSelectorAsync("[data-view=authority][data-authority='928']", Visible);
        (await page.TextContentAsync("section[aria-labelledby=codes-h]")).ShouldNotBeNull().ShouldContain("abolished 1 Apr 2021");
        await page.ClickAsync("a:text-is('North Northamptonshire')");
        await page.WaitForSelectorAsync("[data-view=authority][data-authority='940']", Visible);
        page.Url.ShouldEndWith("/authorities/north-northamptonshire?asOf=2022-01-01", Case.Sensitive, "the date travels with the link");
        await page.ClickAsync("section[aria-labelledby=codes-h] a:text-is('Northamptonshire')");
        await page.WaitForSelectorAsync("[data-view=authority][data-authority='928']", Visible);
        await page.GoBackAsync();
        await page.WaitForSelectorAsync("[data-view=authority][data-authority='940']", Visible);
    }

    [Fact]
    public async Task Both_pages_fit_a_375_pixel_screen_without_sideways_scrolling()
    {
        var page = await fixture.NewPageAsync(375, 812);
        foreach (var (url, view) in new[] { ("/", "national"), ("/authorities/bradford", "authority") })
        {
            await page.GotoAsync(url);
            await page.WaitForSelectorAsync($"body[data-ready={view}]", Visible);
            (await page.EvaluateAsync<int>("document.documentElement.scrollWidth")).ShouldBeLessThanOrEqualTo(375, url);
        }
    }

    internal static string Percent(JsonElement value) =>
        value.ValueKind == JsonValueKind.Number
            ? value.GetDecimal().ToString("0.0", CultureInfo.InvariantCulture) + "%"
            : "—";
}
