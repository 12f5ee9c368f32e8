using System.Text.Json;
using System.Text.Json.Serialization;

namespace Tracker.Projections;

/// <summary>The JSON conventions shared by stored events, documents and the HTTP API.</summary>
public static class TrackerJson
{
    public static void Configure(JsonSerializerOptions options)
    {
        // Enum names come from [JsonStringEnumMemberName]; numbers are refused so `"grade": 2` cannot slip through.
        options.Converters.Add(new JsonStringEnumConverter(namingPolicy: null, allowIntegerValues: false));
        options.PropertyNamingPolicy = JsonNamingPolicy.CamelCase;
        options.DictionaryKeyPolicy = null;
    }
}
