using Tracker.IntegrationTests.Support;

namespace Tracker.IntegrationTests.Integrations;

public sealed class EventFeedTests(TrackerFixture fixture) : IntegrationTest(fixture)
{
    private static readonly DateOnly Spring2024 = new(2024, 3, 1);

    [Fact]
    public async Task Recording_an_inspection_puts_one_cloud_event_on_the_feed()
    {
        await Host.RecordInspectionAsync("bradford", "https://files.ofsted.gov.uk/v1/file/1", Spring2024);

        var e = (await Host.EventsEventuallyAsync(1)).ShouldHaveSingleItem();
        e.Specversion.ShouldBe("1.0");
        e.Type.ShouldBe("tracker.inspection.recorded");
        e.Subject.ShouldBe("380");
        e.Source.ShouldBe("/tracker");
        e.Datacontenttype.ShouldBe("application/json");
        Guid.TryParse(e.Id, out _).ShouldBeTrue();
        e.Sequence.ShouldMatch("^[0-9]{20}$");
        e.Data.GetProperty("authority").GetProperty("gssCode").GetString().ShouldBe("E08000032");
        e.Data.GetProperty("authority").GetProperty("name").GetString().ShouldBe("Bradford");
        e.Data.GetProperty("framework").GetString().ShouldBe("ilacs-2023");
        e.Data.GetProperty("publishedOn").GetString().ShouldBe("2024-03-01");
        e.Data.GetProperty("grades").GetProperty("overall").GetString().ShouldBe("good");
    }

    [Fact]
    public async Task A_later_inspection_that_moves_a_grade_also_publishes_grade_changed_with_the_direction()
    {
        await Host.RecordInspectionAsync("380", "https://files.ofsted.gov.uk/v1/file/1", Spring2024, overall: "requires_improvement");
        await Host.RecordInspectionAsync("380", "https://files.ofsted.gov.uk/v1/file/2", Spring2024.AddYears(1), overall: "good", helpAndProtection: "inadequate");

        var events = await Host.EventsEventuallyAsync(3);
        events.Select(e => e.Type).ShouldBe(["tracker.inspection.recorded", "tracker.inspection.recorded", "tracker.grade.changed"]);
        var second = events[1];
        second.Data.GetProperty("previous").GetProperty("grades").GetProperty("overall").GetString().ShouldBe("requires_improvement");
        var changed = events[2];
        changed.Id.ShouldBe(second.Id + ".grade-changed");
        changed.Sequence.ShouldBe(second.Sequence + ".1");
        var changes = changed.Data.GetProperty("changes").EnumerateArray()
            .Select(c => (c.GetProperty("area").GetString(), c.GetProperty("direction").GetString())).ToList();
        changes.ShouldBe([("overall", "improved"), ("help_and_protection", "declined")], ignoreOrder: true);
    }

    [Fact]
    public async Task An_older_report_recorded_later_does_not_claim_a_grade_change()
    {
        await Host.RecordInspectionAsync("380", "https://files.ofsted.gov.uk/v1/file/2", Spring2024.AddYears(1), overall: "good");
        await Host.RecordInspectionAsync("380", "https://files.ofsted.gov.uk/v1/file/1", Spring2024, overall: "inadequate");

        var events = await Host.EventsEventuallyAsync(2);
        await Task.Delay(300);
        (await Host.AllEventsAsync()).Select(e => e.Type).ShouldBe(["tracker.inspection.recorded", "tracker.inspection.recorded"]);
    }

    [Fact]
    public async Task The_feed_filters_by_type_and_by_any_authority_code()
    {
        await Host.RecordInspectionAsync("380", "https://files.ofsted.gov.uk/v1/file/1", Spring2024, overall: "inadequate");
        await Host.RecordInspectionAsync("leeds", "https://files.ofsted.gov.uk/v1/file/2", Spring2024);
        await Host.RecordInspectionAsync("380", "https://files.ofsted.gov.uk/v1/file/3", Spring2024.AddYears(1));
        await Host.EventsEventuallyAsync(4);

        var bradford = await Host.AllEventsAsync("&authority=E08000032");
        bradford.Count.ShouldBe(3);
        bradford.ShouldAllBe(e => e.Subject == "380");
        var changes = await Host.AllEventsAsync("&type=tracker.grade.changed");
        changes.ShouldHaveSingleItem().Subject.ShouldBe("380");
    }

    [Fact]
    public async Task An_unknown_type_filter_is_a_400_naming_the_known_types()
    {
        var result = await Host.Scenario(s => { s.Get.Url("/api/events?type=tracker.nope"); s.StatusCodeShouldBe(400); });
        (await result.Read<Problem>()).Errors!["type"].Single().ShouldContain("tracker.inspection.recorded");
    }
}
