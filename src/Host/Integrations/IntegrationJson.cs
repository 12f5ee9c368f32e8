using System.Text.Json;
using System.Text.Json.Serialization;
using Tracker.Projections;

namespace Tracker.Host.Integrations;

/// <summary>The one serialisation of a CloudEvent, so the feed, stream, webhook body and transport message are identical.</summary>
public static class IntegrationJson
{
    public static readonly JsonSerializerOptions Options = Create();

    public static string Serialize(CloudEvent e) => JsonSerializer.Serialize(e, Options);

    private static JsonSerializerOptions Create()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web) { DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull };
        TrackerJson.Configure(options);
        return options;
    }
}
