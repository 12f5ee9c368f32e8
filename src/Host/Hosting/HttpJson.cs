using System.Text.Json;
using System.Text.Json.Serialization;
using Tracker.Projections;

namespace Tracker.Host.Hosting;

/// <summary>Strict JSON for request bodies: unknown members, duplicate keys, enum numbers and U+0000 are all refused.</summary>
public static class HttpJson
{
    public static void Configure(JsonSerializerOptions options)
    {
        TrackerJson.Configure(options);
        options.UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow;
        options.AllowDuplicateProperties = false;
        options.Converters.Add(new NoNulCharacterStrings());
    }

    /// <summary>PostgreSQL's jsonb cannot store U+0000 (error 22P05), so it is refused at the door as bad input.</summary>
    private sealed class NoNulCharacterStrings : JsonConverter<string>
    {
        public override string? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            var text = reader.GetString();
            return text is not null && text.Contains('\0') ? throw new JsonException("Strings must not contain the U+0000 character.") : text;
        }

        public override void Write(Utf8JsonWriter writer, string value, JsonSerializerOptions options) => writer.WriteStringValue(value);
    }
}
