using Alba;

namespace Tracker.IntegrationTests.Support;

/// <summary>The write answer every command endpoint gives.</summary>
public sealed record WriteAnswer(string Status, string Authority, string FactId, long Version, List<RecordedEvent>? Record);

public sealed record RecordedEvent(string Type, long Version, long Sequence);

public static class Api
{
    public static async Task<WriteAnswer> Post(this IAlbaHost host, string url, object body, int status = 201, Action<Scenario>? configure = null)
    {
        var result = await host.Scenario(s =>
        {
            Send(s, url, body);
            configure?.Invoke(s);
            s.StatusCodeShouldBe(status);
        });
        return status < 300 ? await result.Read<WriteAnswer>() : new WriteAnswer("rejected", "", "", 0, null);
    }

    private static void Send(Scenario s, string url, object body)
    {
        var parts = url.Split('?', 2);
        var request = s.Post.Json(body).ToUrl(parts[0]);
        foreach (var pair in parts.Length > 1 ? parts[1].Split('&') : [])
        {
            var kv = pair.Split('=', 2);
            request.QueryString(kv[0], kv.Length > 1 ? Uri.UnescapeDataString(kv[1]) : "");
        }
    }

    public static async Task<Problem> PostProblem(this IAlbaHost host, string url, object body, int status, Action<Scenario>? configure = null)
    {
        var result = await host.Scenario(s =>
        {
            Send(s, url, body);
            configure?.Invoke(s);
            s.StatusCodeShouldBe(status);
            s.ContentTypeShouldBe("application/problem+json");
        });
        return await result.Read<Problem>();
    }
}
