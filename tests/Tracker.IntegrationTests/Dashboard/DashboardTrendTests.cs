using System.Net;
using System.Net.Http.Json;

namespace Tracker.IntegrationTests.Dashboard;

[Collection(DashboardCollection.Name)]
public sealed class DashboardTrendTests(DashboardFixture fixture)
{
    [Fact]
    public async Task A_metric_recorded_through_the_api_is_charted_with_its_guideline_band()
    {
        // IRO caseloads carry the configured guideline band (50-70 children per IRO by default).
        var url = new Uri(fixture.Host.BaseAddress, "/api/authorities/doncaster/metrics");
        foreach (var (year, value) in new[] { ("2014-15", 82m), ("2015-16", 64m) })
        {
            var response = await fixture.Api.PostAsJsonAsync(url,
                new
                {
                    metric = "iro_caseload", value, unit = "children_per_iro",
                    period = new { kind = "financial_year", label = year },
                    reportReference = "https://example.org/doncaster-iro-report",
                    quote = $"caseloads of {value} in {year}",
                });
            response.StatusCode.ShouldBeOneOf(HttpStatusCode.Created, HttpStatusCode.OK);
        }

        var page = await fixture.NewPageAsync();
        await page.GotoAsync("/authorities/doncaster");
        await page.WaitForSelectorAsync("body[data-ready=authority]");
        var figure = page.Locator("figure[data-metric=iro_caseload]");
        (await figure.Locator("svg rect.band").CountAsync()).ShouldBe(1);
        (await figure.Locator("svg circle.dot").CountAsync()).ShouldBe(2);
        var path = await figure.Locator("svg path.line").GetAttributeAsync("d");
        path.ShouldNotBeNull().Count(c => c is 'M' or 'L').ShouldBe(2);
        (await figure.Locator("figcaption").TextContentAsync()).ShouldNotBeNull()
            .ShouldContain("within the guideline band");
        (await figure.Locator("table tbody tr").CountAsync()).ShouldBe(2);
    }
}
