using System.Text.Json;
using System.Text.Json.Serialization;
using Alba;

namespace Tracker.IntegrationTests.Support;

/// <summary>Reads answers leniently: tests name the fields they assert on, not every field the API returns.</summary>
public static class Json
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
    };

    public static async Task<T> Read<T>(this IScenarioResult result) =>
        JsonSerializer.Deserialize<T>(await result.ReadAsTextAsync(), Options)
        ?? throw new InvalidOperationException("The answer had no body.");

    public static async Task<T> GetJson<T>(this IAlbaHost host, string url, string? key = null) =>
        await (await host.Scenario(s =>
        {
            s.Get.Url(url);
            if (key is not null) s.WithRequestHeader("Authorization", TestKeys.Bearer(key));
            s.StatusCodeShouldBeOk();
        })).Read<T>();
}
