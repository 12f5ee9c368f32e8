using System.Text.Json;
using Alba;
using Tracker.IntegrationTests.Support;

namespace Tracker.IntegrationTests.Integrations;

public sealed record CloudEventDto(string Specversion, string Id, string Source, string Type, string Subject, DateTimeOffset Time,
    string Datacontenttype, string Sequence, JsonElement Data);

public sealed record FeedPageDto(List<CloudEventDto> Items, string Next, long HighWaterMark);

public sealed record SubscriptionDto(Guid Id, string Url, string Status, string? Secret, List<string> Types, List<string> Authorities);

public sealed record DeliveryDto(string Id, string EventId, string EventType, string Authority, long Sequence, string Status, int Attempts, int? LastStatusCode);

public sealed record AttemptDto(string EventId, int Attempt, int? StatusCode, string? Error, long LatencyMs);

/// <summary>Shared steps for the integration tests: record facts over HTTP, read the feed, subscribe webhooks.</summary>
public static class IntegrationDsl
{
    public static object Inspection(string reference, DateOnly publishedOn, string overall = "good", string helpAndProtection = "good") => new
    {
        framework = "ilacs-2023",
        kind = "standard",
        startDate = publishedOn.AddDays(-60).ToString("yyyy-MM-dd"),
        endDate = publishedOn.AddDays(-49).ToString("yyyy-MM-dd"),
        publishedOn = publishedOn.ToString("yyyy-MM-dd"),
        reportReference = reference,
        grades = new Dictionary<string, string>
        {
            ["overall"] = overall, ["impact_of_leaders"] = "good", ["help_and_protection"] = helpAndProtection,
            ["children_in_care"] = "requires_improvement", ["care_leavers"] = "good",
        },
    };

    public static async Task RecordInspectionAsync(this IAlbaHost host, string authority, string reference, DateOnly publishedOn,
        string overall = "good", string helpAndProtection = "good") =>
        await host.Scenario(s =>
        {
            s.Post.Json(Inspection(reference, publishedOn, overall, helpAndProtection)).ToUrl($"/api/authorities/{authority}/inspections");
            s.StatusCodeShouldBe(201);
        });

    public static Task<FeedPageDto> FeedAsync(this IAlbaHost host, string query = "") => host.GetJson<FeedPageDto>("/api/events?" + query);

    /// <summary>Reads the whole feed from the start up to the high-water mark.</summary>
    public static async Task<List<CloudEventDto>> AllEventsAsync(this IAlbaHost host, string filter = "")
    {
        var all = new List<CloudEventDto>();
        var after = "0";
        while (true)
        {
            var page = await host.FeedAsync($"after={after}&limit=50{filter}");
            all.AddRange(page.Items);
            if (page.Next == after || page.Items.Count == 0 && PositionSequence(page.Next) >= page.HighWaterMark) return all;
            after = page.Next;
        }
    }

    /// <summary>The stored sequence a feed position names (the part before any ".1").</summary>
    public static long PositionSequence(string position) => long.Parse(position.Split('.')[0]);

    /// <summary>Waits until the feed holds at least <paramref name="count"/> events (the daemon's high-water mark has caught up).</summary>
    public static Task<List<CloudEventDto>> EventsEventuallyAsync(this IAlbaHost host, int count, string filter = "") =>
        Eventually.GetAsync(() => host.AllEventsAsync(filter), e => e.Count >= count, what: $"{count} feed events");

    public static async Task<SubscriptionDto> SubscribeAsync(this IAlbaHost host, object body)
    {
        var result = await host.Scenario(s => { s.WithRequestHeader("Authorization", TestKeys.Bearer(TestKeys.Admin)); s.Post.Json(body).ToUrl("/api/subscriptions"); s.StatusCodeShouldBe(201); });
        return await result.Read<SubscriptionDto>();
    }
}
