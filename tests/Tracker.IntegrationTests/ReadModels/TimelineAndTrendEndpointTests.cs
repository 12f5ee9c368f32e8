using System.Text.Json;
using Alba;
using Tracker.Domain.Common;
using Tracker.Domain.Metrics;
using Tracker.IntegrationTests.Support;

namespace Tracker.IntegrationTests.ReadModels;

public sealed class TimelineAndTrendEndpointTests(TrackerFixture fixture) : IntegrationTest(fixture)
{
    public sealed record Entry(string FactId, string Kind, DateOnly? Date, bool Undated, string? Era, decimal? Value);
    public sealed record TimelineAnswer(string AuthorityId, List<Entry> Entries);
    public sealed record Trend(string Metric, decimal? Change, string? ChangeUnit, string Direction, List<JsonElement> Points);

    [Fact]
    public async Task The_timeline_lists_facts_in_date_order_without_withdrawn_ones_and_flags_undated_findings()
    {
        await Host.Inspection("380", FrameworkVersion.Ilacs2023, "2024-02-01", "b23", Grade.Good);
        await Host.Metric("380", MetricNames.ReviewTimeliness, "2013-14", 79.1m);
        var wrong = await Host.MonitoringVisit("380", "2019-05-01", "mv-wrong");
        await Host.Withdraw("380", wrong.FactId);
        await Host.Finding("380", "IRO caseloads are too high");

        var timeline = await Host.GetJson<TimelineAnswer>("/api/authorities/bradford/timeline");
        timeline.Entries.Select(e => e.Kind).ShouldBe(["metric", "inspection", "finding"]);
        timeline.Entries.ShouldNotContain(e => e.FactId == wrong.FactId);
        timeline.Entries[^1].Undated.ShouldBeTrue();
        timeline.Entries[^1].Date.ShouldBeNull();

        (await Host.GetJson<TimelineAnswer>("/api/authorities/bradford/timeline?asOf=2020-01-01")).Entries.Select(e => e.Kind).ShouldBe(["metric", "finding"]);
    }

    [Fact]
    public async Task KnownAt_shows_the_timeline_before_a_withdrawal()
    {
        var visit = await Host.MonitoringVisit("380", "2019-05-01", "mv-wrong");
        await Task.Delay(50);
        var before = DateTimeOffset.UtcNow;
        await Task.Delay(50);
        await Host.Withdraw("380", visit.FactId);

        (await Host.GetJson<TimelineAnswer>($"/api/authorities/380/timeline?knownAt={Uri.EscapeDataString(before.ToString("O"))}"))
            .Entries.ShouldHaveSingleItem().FactId.ShouldBe(visit.FactId);
        (await Host.GetJson<TimelineAnswer>("/api/authorities/380/timeline")).Entries.ShouldBeEmpty();
    }

    [Fact]
    public async Task Review_timeliness_trend_is_plus_19_3_points_improving()
    {
        await Host.Metric("380", MetricNames.ReviewTimeliness, "2015-16", 98.4m);
        await Host.Metric("380", MetricNames.ReviewTimeliness, "2013-14", 79.1m);
        var trend = await Host.GetJson<Trend>("/api/authorities/380/trends/iro_review_timeliness");
        trend.Change.ShouldBe(19.3m);
        trend.ChangeUnit.ShouldBe("percentage_points");
        trend.Direction.ShouldBe("improving");
        (await Host.GetJson<JsonElement>("/api/authorities/380/trends")).GetProperty("trends").GetArrayLength().ShouldBe(1);
        await Host.Scenario(s => { s.Get.Url("/api/authorities/380/trends/iro_caseload"); s.StatusCodeShouldBe(404); });
    }

    [Fact]
    public async Task Caseloads_are_placed_against_the_default_50_to_70_guideline()
    {
        await Host.Metric("380", MetricNames.Caseload, "2014-15", 85m, unit: "children_per_iro");
        var trend = await Host.GetJson<JsonElement>("/api/authorities/380/trends/iro_caseload");
        trend.GetProperty("guideline").GetProperty("position").GetString().ShouldBe("above");
        trend.GetProperty("guideline").GetProperty("low").GetDecimal().ShouldBe(50m);
    }

    [Fact]
    public async Task Trends_as_CSV_keep_numbers_and_columns()
    {
        await Host.Metric("380", MetricNames.ReviewTimeliness, "2013-14", 79.1m);
        await Host.Metric("380", MetricNames.ReviewTimeliness, "2015-16", 98.4m);
        var result = await Host.Scenario(s => { s.Get.Url("/api/authorities/380/trends"); s.WithRequestHeader("Accept", "text/csv"); });
        var lines = (await result.ReadAsTextAsync()).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        lines[0].ShouldBe("authority_id,metric,period,period_from,period_to,value,low,high,unit,fact_id,report_reference,corrected,trend_change,trend_direction");
        lines[1].ShouldStartWith("380,iro_review_timeliness,2013-14,2013-04-01,2014-03-31,79.1,,,percent,");
        lines[1].ShouldEndWith(",false,19.3,improving");
    }

    [Fact]
    public async Task A_quote_that_looks_like_a_formula_is_made_text_in_CSV()
    {
        await Host.Finding("380", "=HYPERLINK(\"http://evil\",\"click\")");
        var result = await Host.Scenario(s => { s.Get.Url("/api/authorities/380/timeline"); s.WithRequestHeader("Accept", "text/csv"); });
        var text = await result.ReadAsTextAsync();
        text.ShouldContain("\"'=HYPERLINK(\"\"http://evil\"\",\"\"click\"\")\"");
        result.Context.Response.Headers.ContentDisposition.ToString().ShouldContain("attachment");
    }
}
