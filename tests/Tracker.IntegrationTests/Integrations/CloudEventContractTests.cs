using System.Text.Json;
using Alba;
using Tracker.IntegrationTests.Support;

namespace Tracker.IntegrationTests.Integrations;

/// <summary>The CloudEvents contract as an integrator sees it: every payload parsed by the official C# SDK.</summary>
public sealed class CloudEventContractTests(TrackerFixture fixture) : IntegrationTest(fixture)
{
    private static readonly DateOnly Spring2024 = new(2024, 3, 1);

    /// <summary>Records two inspections of Bradford; the second moves grades, so it also publishes a grade change.</summary>
    private async Task<List<CloudNative.CloudEvents.CloudEvent>> InspectionAndGradeChangeAsync()
    {
        await Host.RecordInspectionAsync("380", "https://files.ofsted.gov.uk/v1/file/1", Spring2024, overall: "requires_improvement");
        await Host.RecordInspectionAsync("380", "https://files.ofsted.gov.uk/v1/file/2", Spring2024.AddYears(1), overall: "good");
        await Host.EventsEventuallyAsync(3);
        return await RawFeedAsync("0");
    }

    private async Task<List<CloudNative.CloudEvents.CloudEvent>> RawFeedAsync(string after)
    {
        using var page = JsonDocument.Parse(await Host.GetAsText($"/api/events?after={after}"));
        return page.RootElement.GetProperty("items").EnumerateArray().Select(i => OfficialCloudEvents.Parse(i.GetRawText())).ToList();
    }

    [Fact]
    public async Task Feed_events_parse_with_the_official_SDK_and_their_sequences_sort_as_text()
    {
        var events = await InspectionAndGradeChangeAsync();

        events.Select(e => e.Type).ShouldBe(["tracker.inspection.recorded", "tracker.inspection.recorded", "tracker.grade.changed"]);
        events.ShouldAllBe(e => e.SpecVersion == CloudNative.CloudEvents.CloudEventsSpecVersion.V1_0 && e.Subject == "380");
        events[0].Source!.ToString().ShouldBe("/tracker");
        var sequences = events.Select(OfficialCloudEvents.SequenceOf).ToList();
        sequences[0].ShouldMatch("^[0-9]{20}$");
        sequences[1].ShouldMatch("^[0-9]{20}$");
        sequences[2].ShouldBe(sequences[1] + ".1");
        sequences.ShouldBe(sequences.Order(StringComparer.Ordinal).ToList());
        sequences.Distinct().Count().ShouldBe(3);
    }

    [Fact]
    public async Task A_client_resuming_between_an_inspection_and_its_grade_change_still_receives_the_grade_change()
    {
        var events = await InspectionAndGradeChangeAsync();
        var inspection = OfficialCloudEvents.SequenceOf(events[1]);
        var number = long.Parse(inspection).ToString();

        foreach (var after in new[] { inspection, number })
            (await RawFeedAsync(after)).Select(e => e.Type).ShouldBe(["tracker.grade.changed"], $"after={after}");
        (await RawFeedAsync(inspection + ".1")).ShouldBeEmpty();

        var resumed = (await EventStreamTests.ReadStreamAsync(Host, "/api/events/stream", 1, lastEventId: inspection)).Single();
        resumed.EventType.ShouldBe("tracker.grade.changed");
        resumed.EventId.ShouldBe(inspection + ".1");
        OfficialCloudEvents.SequenceOf(OfficialCloudEvents.Parse(resumed.Data)).ShouldBe(resumed.EventId);
    }

    [Fact]
    public async Task Webhook_bodies_parse_with_the_official_SDK_and_carry_the_feed_positions()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        receiver.Secret = (await Host.SubscribeAsync(new { url = receiver.Url })).Secret!;
        var feed = await InspectionAndGradeChangeAsync();
        await Eventually.TrueAsync(() => receiver.Received.Select(r => r.Id).Distinct().Count() == 3, TimeSpan.FromSeconds(15),
            "three webhooks");

        var received = receiver.Received.DistinctBy(r => r.Id).Select(r => OfficialCloudEvents.Parse(r.Body))
            .ToDictionary(e => e.Id!, OfficialCloudEvents.SequenceOf);
        received.ShouldBe(feed.ToDictionary(e => e.Id!, OfficialCloudEvents.SequenceOf), ignoreOrder: true);
    }

    [Theory]
    [InlineData("abc")]
    [InlineData("-1")]
    [InlineData("00000000000000000412.2")]
    public async Task A_cursor_that_is_not_a_feed_position_is_a_400(string after)
    {
        await Host.Scenario(s => { s.Get.Url($"/api/events?after={after}"); s.StatusCodeShouldBe(400); });
    }
}
