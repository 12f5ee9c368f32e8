using Alba;
using Tracker.Domain.Common;
using Tracker.Host.CurrentGrades;
using Tracker.IntegrationTests.Support;

namespace Tracker.IntegrationTests.ReadModels;

public sealed class CurrentGradeEndpointTests(TrackerFixture fixture) : IntegrationTest(fixture)
{
    public sealed record AreaAnswer(string Area, string Grade, string? PreviousGrade, string? Direction);
    public sealed record Report(string ReportReference, string Framework, DateOnly? PublishedOn);
    public sealed record Window(DateOnly Earliest, DateOnly Expected, DateOnly Latest, string Kind);
    public sealed record Current(string AuthorityId, Report? Latest, Report? Previous, List<AreaAnswer> Areas, int? DaysSince, Window? NextInspection, int MonitoringVisitsSince);

    private async Task TwoInspections()
    {
        await Host.Inspection("bradford", FrameworkVersion.Ilacs2018, "2018-10-01", "b18", Grade.Inadequate);
        await Host.Inspection("bradford", FrameworkVersion.Ilacs2023, "2024-02-01", "b23", Grade.Good);
        await Host.MonitoringVisit("bradford", "2019-05-01", "mv1");
    }

    [Fact]
    public async Task Current_shows_the_latest_inspection_with_direction_against_the_previous_one()
    {
        await TwoInspections();
        var current = await Host.GetJson<Current>("/api/authorities/E08000032/current?asOf=2024-03-31");
        current.Latest!.ReportReference.ShouldBe("b23");
        current.Previous!.ReportReference.ShouldBe("b18");
        current.Areas.Single(a => a.Area == "overall").Direction.ShouldBe("improved");
        current.Areas.Single(a => a.Area == "children_in_care").Direction.ShouldBeNull();
        current.NextInspection!.Kind.ShouldBe("short");
        current.DaysSince.ShouldBe(89); // fieldwork ended 2024-01-02
    }

    [Fact]
    public async Task AsOf_answers_as_things_stood_on_that_date()
    {
        await TwoInspections();
        var then = await Host.GetJson<Current>("/api/authorities/380/current?asOf=2020-01-01");
        then.Latest!.ReportReference.ShouldBe("b18");
        then.Areas.ShouldAllBe(a => a.Direction == "first");
        then.MonitoringVisitsSince.ShouldBe(1);
        (await Host.GetJson<Current>("/api/authorities/380/current?asOf=2018-01-01")).Latest.ShouldBeNull();
    }

    [Fact]
    public async Task KnownAt_ignores_what_was_recorded_later_even_when_it_was_published_earlier()
    {
        await Host.Inspection("bradford", FrameworkVersion.Ilacs2023, "2024-02-01", "b23", Grade.Good);
        await Task.Delay(50);
        var before = DateTimeOffset.UtcNow;
        await Task.Delay(50);
        // A backfill: an older report recorded later must not change yesterday's answer.
        await Host.Inspection("bradford", FrameworkVersion.Ilacs2018, "2018-10-01", "b18", Grade.Inadequate);

        var known = await Host.GetJson<Current>($"/api/authorities/380/current?asOf=2024-03-31&knownAt={Uri.EscapeDataString(before.ToString("O"))}");
        known.Previous.ShouldBeNull();
        known.Areas.Single(a => a.Area == "overall").Direction.ShouldBe("first");

        var now = await Host.GetJson<Current>("/api/authorities/380/current?asOf=2024-03-31");
        now.Previous!.ReportReference.ShouldBe("b18");
    }

    [Fact]
    public async Task Current_carries_an_ETag_and_answers_304_to_a_matching_If_None_Match()
    {
        await TwoInspections();
        var first = await Host.Scenario(s => s.Get.Url("/api/authorities/380/current?asOf=2024-03-31"));
        var etag = first.Context.Response.Headers.ETag.ToString();
        etag.ShouldNotBeNullOrEmpty();
        await Host.Scenario(s =>
        {
            s.Get.Url("/api/authorities/380/current?asOf=2024-03-31");
            s.WithRequestHeader("If-None-Match", etag);
            s.StatusCodeShouldBe(304);
        });
        await Host.Inspection("bradford", FrameworkVersion.Ilacs2023, "2024-03-15", "b23b", Grade.Outstanding);
        await Host.Scenario(s =>
        {
            s.Get.Url("/api/authorities/380/current?asOf=2024-03-31");
            s.WithRequestHeader("If-None-Match", etag);
            s.StatusCodeShouldBe(200);
        });
    }

    [Theory]
    [InlineData("asOf=31-03-2024", "asOf")]
    [InlineData("knownAt=yesterday", "knownAt")]
    public async Task Bad_asOf_or_knownAt_is_a_400_problem_naming_the_field(string query, string field)
    {
        var result = await Host.Scenario(s => { s.Get.Url($"/api/authorities/380/current?{query}"); s.StatusCodeShouldBe(400); });
        (await result.Read<Problem>()).Errors!.ShouldContainKey(field);
    }

    [Fact]
    public async Task An_unknown_authority_is_a_404()
    {
        await Host.Scenario(s => { s.Get.Url("/api/authorities/atlantis/current"); s.StatusCodeShouldBe(404); });
    }

    [Fact]
    public async Task The_GetCurrentGrade_message_answers_like_the_endpoint()
    {
        await TwoInspections();
        var answer = await Host.Ask<Tracker.Projections.CurrentGrades.CurrentGrade>(new GetCurrentGrade("bradford", new DateOnly(2024, 3, 31)));
        answer.Latest!.ReportReference.ShouldBe("b23");
        answer.Previous!.ReportReference.ShouldBe("b18");
    }
}
