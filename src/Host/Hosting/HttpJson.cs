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

    /// <summary>
    /// A body of JSON <c>null</c> binds to a null command, which every endpoint would otherwise have to remember to check;
    /// it is refused here, once, as the 400 it is.
    /// </summary>
    public static IApplicationBuilder UseNullBodyGuard(this IApplicationBuilder app) => app.Use(async (http, next) =>
    {
        if (http.Request.ContentType?.Contains("json", StringComparison.OrdinalIgnoreCase) == true && http.Request.ContentLength is null or < 64
            && !HttpMethods.IsGet(http.Request.Method) && !HttpMethods.IsHead(http.Request.Method))
        {
            http.Request.EnableBuffering();
            var buffer = new byte[64];
            var read = await http.Request.Body.ReadAtLeastAsync(buffer, buffer.Length, throwOnEndOfStream: false, http.RequestAborted);
            http.Request.Body.Position = 0;
            if (System.Text.Encoding.UTF8.GetString(buffer, 0, read).Trim() == "null")
            {
                await Results.Problem(new Microsoft.AspNetCore.Mvc.ValidationProblemDetails(new Dictionary<string, string[]> { ["body"] = ["a JSON object is required, not null."] })
                    { Status = 400, Title = "The command is invalid", Extensions = { ["code"] = "invalid_command" } }).ExecuteAsync(http);
                return;
            }
        }
        await next(http);
    });

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
