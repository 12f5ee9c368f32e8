using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Playwright;

namespace Tracker.IntegrationTests.Dashboard;

[Collection(DashboardCollection.Name)]
public sealed class DashboardLiveTests(DashboardFixture fixture)
{
    [Fact]
    public async Task An_inspection_posted_through_the_api_appears_on_the_open_authority_page_without_a_reload()
    {
        var page = await fixture.NewPageAsync();
        await page.GotoAsync("/authorities/sunderland");
        await page.WaitForSelectorAsync("[data-view=authority][data-authority='394']", new() { Timeout = 15_000 });
        await page.WaitForSelectorAsync("body[data-live-from]", new() { Timeout = 15_000 });
        await page.EvaluateAsync("() => { window.__sameDocument = 'yes'; }");
        var before = await page.Locator(".timeline li[data-kind=inspection]").CountAsync();

        var published = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(-1);
        var url = new Uri(fixture.Host.BaseAddress, "/api/authorities/sunderland/inspections");
        var response = await fixture.Api.PostAsJsonAsync(url, new
        {
            framework = "ilacs-2023", kind = "standard",
            startDate = Day(published.AddDays(-60)), endDate = Day(published.AddDays(-50)), publishedOn = Day(published),
            reportReference = $"https://files.ofsted.gov.uk/v1/file/live-{Guid.NewGuid():N}",
            grades = new { overall = "outstanding", impact_of_leaders = "outstanding", help_and_protection = "good",
                children_in_care = "good", care_leavers = "outstanding" },
        });
        response.StatusCode.ShouldBe(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        var factId = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("factId").GetString();

        await page.WaitForSelectorAsync($".timeline li[data-fact='{factId}']", new() { Timeout = 15_000 });
        await Assertions.Expect(page.Locator("#notice")).ToContainTextAsync("inspection recorded for Sunderland");
        (await page.GetAttributeAsync("#notice", "aria-live")).ShouldBe("polite");
        (await page.Locator(".timeline li[data-kind=inspection]").CountAsync()).ShouldBe(before + 1);
        (await page.GetAttributeAsync("[data-figure=latest-published]", "data-date")).ShouldBe(Day(published));
        (await page.EvaluateAsync<string>("() => window.__sameDocument"))
            .ShouldBe("yes", "the page must update in place, not reload");
    }

    private static string Day(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
