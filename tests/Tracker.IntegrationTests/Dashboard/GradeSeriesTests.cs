using Alba;
using Tracker.Domain.Common;
using Tracker.IntegrationTests.ReadModels;
using Tracker.IntegrationTests.Support;
using Tracker.Projections.National;

namespace Tracker.IntegrationTests.Dashboard;

/// <summary>GET /api/national/series, the dashboard chart's read: each point is the picture as at its day.</summary>
public sealed class GradeSeriesTests(TrackerFixture fixture) : IntegrationTest(fixture)
{
    public sealed record Point(DateOnly AsOf, int Authorities, int Outstanding, int Good, int RequiresImprovement,
        int Inadequate, int Ungraded, int Graded, decimal? GoodOrOutstandingPercent);
    public sealed record Series(string Scope, string Area, DateOnly From, DateOnly To, List<Point> Points);

    private async Task HistoryAsync()
    {
        // A mid-month publication (2019-02-14), two in one quarter, one on a quarter end, a formation, an abolition.
        await Host.Inspection("380", FrameworkVersion.Ilacs2018, "2018-10-01", "s-b18", Grade.Inadequate);
        await Host.Inspection("380", FrameworkVersion.Ilacs2023, "2024-02-01", "s-b23", Grade.Good,
            Grade.RequiresImprovement);
        await Host.Inspection("383", FrameworkVersion.Ilacs2018, "2019-02-14", "s-l18", Grade.Outstanding);
        await Host.Inspection("302", FrameworkVersion.Ilacs2018, "2019-03-31", "s-bn18", Grade.RequiresImprovement);
        await Host.Inspection("928", FrameworkVersion.Ilacs2018, "2019-08-01", "s-n18", Grade.Inadequate);
        await Host.Inspection("940", FrameworkVersion.Ilacs2023, "2023-03-01", "s-nn23", Grade.Good);
        await ProjectionsCaughtUpAsync();
    }

    [Theory]
    [InlineData("", "overall")]
    [InlineData("&region=london", "overall")]
    [InlineData("&region=E12000003", "help_and_protection")]
    public async Task Every_point_equals_the_picture_as_at_its_day_and_the_folded_series(string region, string area)
    {
        await HistoryAsync();
        var url = $"/api/national/series?from=2018-01-01&to=2024-02-14&area={area}{region}";
        var series = await Host.GetJson<Series>(url);
        series.Points.Select(p => p.AsOf).ShouldBe(GradeSeriesReads.QuarterEnds(new(2018, 1, 1), new(2024, 2, 14)));
        series.Points[0].AsOf.ShouldBe(new DateOnly(2018, 3, 31));
        series.Points[^1].AsOf.ShouldBe(new DateOnly(2024, 2, 14), "the last point is `to` itself, inside its month");
        var single = region.Length == 0 ? "/api/national?" : $"/api/regions/{region.Split('=')[1]}?";
        foreach (var point in series.Points)
        {
            var p = await Host.GetJson<NationalPictureTests.Picture>($"{single}area={area}&asOf={point.AsOf:yyyy-MM-dd}");
            new NationalPictureTests.Picture(p.Scope, p.Area, point.Authorities, point.Outstanding, point.Good,
                    point.RequiresImprovement, point.Inadequate, point.Ungraded, point.Graded,
                    point.GoodOrOutstandingPercent)
                .ShouldBe(p, $"{point.AsOf}");
        }
        var everything = Uri.EscapeDataString(DateTimeOffset.UtcNow.AddDays(1).ToString("O"));
        var folded = await Host.GetJson<Series>($"{url}&knownAt={everything}");
        folded.Points.ShouldBe(series.Points);
        if (region.Length == 0)
            series.Points.Select(p => p.Graded).Distinct().Count().ShouldBeGreaterThan(3, "the history moves the picture");
    }

    [Fact]
    public async Task The_series_is_a_csv_on_request_and_bad_ranges_are_400_problems()
    {
        await HistoryAsync();
        var csv = await Host.Scenario(s =>
        {
            s.Get.Url("/api/national/series?from=2019-01-01&to=2019-12-31");
            s.WithRequestHeader("Accept", "text/csv");
            s.ContentTypeShouldBe("text/csv; charset=utf-8");
        });
        var lines = csv.ReadAsText().Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        lines.Length.ShouldBe(5);
        lines[0].ShouldStartWith("scope,area,as_of,authorities,outstanding,good,requires_improvement,inadequate,");
        lines[1].Split(',')[..3].ShouldBe(["england", "overall", "2019-03-31"]);
        lines[1].Split(',')[4..8].ShouldBe(["1", "0", "1", "1"], "Lambeth outstanding, Barnet RI, Bradford inadequate");
        string[] bad =
            ["from=2020-01-01&to=2019-01-01", "from=2019-13-01", "to=yesterday", "from=1500-01-01", "area=bogus"];
        foreach (var query in bad)
            await Host.Scenario(s =>
            {
                s.Get.Url($"/api/national/series?{query}");
                s.StatusCodeShouldBe(400);
                s.ContentTypeShouldBe("application/problem+json");
            });
        await Host.Scenario(s => { s.Get.Url("/api/national/series?region=atlantis"); s.StatusCodeShouldBe(404); });
    }
}
