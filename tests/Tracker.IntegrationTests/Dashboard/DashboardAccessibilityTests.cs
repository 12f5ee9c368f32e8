using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace Tracker.IntegrationTests.Dashboard;

/// <summary>WCAG 2.1 A/AA rules checked by axe-core (contrast, labels, names) and a keyboard-only walk.</summary>
[Collection(DashboardCollection.Name)]
public sealed class DashboardAccessibilityTests(DashboardFixture fixture)
{
    [Theory]
    [InlineData("/", "national", 1280)]
    [InlineData("/?region=London&area=help_and_protection", "national", 375)]
    [InlineData("/authorities/bradford", "authority", 1280)]
    [InlineData("/authorities/cheshire-west-and-chester?asOf=2026-01-01", "authority", 375)]
    public async Task The_pages_have_no_wcag_a_or_aa_violations(string url, string view, int width)
    {
        var page = await fixture.NewPageAsync(width);
        await page.GotoAsync(url);
        await page.WaitForSelectorAsync($"body[data-ready={view}]");
        await page.EvaluateAsync("() => document.querySelectorAll('details').forEach(d => d.open = true)");
        var result = await page.RunAxe(new AxeRunOptions
        {
            RunOnly = new RunOnlyOptions { Type = "tag", Values = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] },
        });
        var violations = result.Violations
            .Select(v => $"{v.Id}: {v.Help} ({string.Join(", ", v.Nodes.Take(3).Select(n => n.Html))})");
        violations.ShouldBeEmpty();
        result.Passes.Length.ShouldBeGreaterThan(10, "axe ran its rules on the page");
    }

    [Fact]
    public async Task The_search_and_the_timeline_filter_work_from_the_keyboard_alone()
    {
        var page = await fixture.NewPageAsync();
        await page.GotoAsync("/");
        await page.WaitForSelectorAsync("body[data-ready=national]");
        await page.Keyboard.PressAsync("Tab");
        (await page.EvaluateAsync<string>("() => document.activeElement.className")).ShouldBe("skip");
        await page.Keyboard.PressAsync("Tab");
        await page.Keyboard.PressAsync("Tab");
        (await page.EvaluateAsync<string>("() => document.activeElement.id")).ShouldBe("q");
        await page.Keyboard.TypeAsync("bradford");
        await page.Keyboard.PressAsync("Enter");
        await page.WaitForSelectorAsync("[data-view=authority][data-authority='380']");

        var inspections = page.Locator(".timeline li[data-kind=inspection]");
        (await inspections.First.IsVisibleAsync()).ShouldBeTrue();
        await page.FocusAsync("#kind-inspection");
        await page.Keyboard.PressAsync("Space");
        (await inspections.First.IsVisibleAsync()).ShouldBeFalse("unticking a kind hides its facts");
        (await page.TextContentAsync("#timeline-count")).ShouldNotBeNull().ShouldStartWith("Showing 0 of");
        await page.Keyboard.PressAsync("Space");
        (await inspections.First.IsVisibleAsync()).ShouldBeTrue();
    }
}
