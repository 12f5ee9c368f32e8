using System.Text.Json;
using System.Text.Json.Serialization;
using Tracker.Projections;

namespace Tracker.Host.Integrations;

/// <summary>The one serialisation of a CloudEvent, so the feed, stream, webhook body and transport message are identical.</summary>
public static class IntegrationJson
{
    public static readonly JsonSerializerOptions Options = Create();

    public static string Serialize(CloudEvent e) => JsonSerializer.Serialize(e, Options);

    /// <summary>A private, still-mutable copy for a Wolverine serializer, which configures the options it is given
    /// (the shared instance is read-only once used, so a second host in one process would fail to start).</summary>
    public static JsonSerializerOptions Copy() => new(Options);

    private static JsonSerializerOptions Create()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web) { DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull };
        TrackerJson.Configure(options);
        return options;
    }
}
