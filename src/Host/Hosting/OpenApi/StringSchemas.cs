using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Tracker.Host.Hosting.OpenApi;

/// <summary>
/// Numbers are written as JSON numbers; that the web defaults also read "7" for 7 is leniency, not the contract, so
/// the document states the number alone (an integer-or-string with a pattern turns into a string in generated code).
/// <para>The strict JSON options carry a custom string converter (HttpJson refuses U+0000), and the schema generator
/// describes any type with a custom converter as "anything". A string is still a string on the wire; without this
/// every text property in the document would be untyped, and a generated client would see it as object.</para>
/// </summary>
public sealed class StringSchemas : IOpenApiSchemaTransformer
{
    public Task TransformAsync(OpenApiSchema schema, OpenApiSchemaTransformerContext context, CancellationToken ct)
    {
        if (context.JsonTypeInfo.Type == typeof(string) && schema.Type is null && schema.OneOf is null or { Count: 0 })
            schema.Type = context.JsonPropertyInfo is { IsGetNullable: true } && IsNullable(context.JsonPropertyInfo)
                ? JsonSchemaType.String | JsonSchemaType.Null
                : JsonSchemaType.String;
        // Enums are written by name; the generator lists the names but says no type, so clients guess integers.
        if (schema.Type is null && schema.Enum is { Count: > 0 } names
            && names.All(n => n is null || n.GetValueKind() == System.Text.Json.JsonValueKind.String))
            schema.Type = names.Any(n => n is null) ? JsonSchemaType.String | JsonSchemaType.Null : JsonSchemaType.String;
        if (schema.Type is { } type && type.HasFlag(JsonSchemaType.String)
            && (type.HasFlag(JsonSchemaType.Integer) || type.HasFlag(JsonSchemaType.Number)))
        {
            schema.Type = type & ~JsonSchemaType.String;
            schema.Pattern = null;
        }
        return Task.CompletedTask;
    }

    /// <summary>Nullable as the C# declares it (string?), which is what a generated client should mirror.</summary>
    private static bool IsNullable(System.Text.Json.Serialization.Metadata.JsonPropertyInfo property) =>
        property.AttributeProvider switch
        {
            System.Reflection.PropertyInfo p => new System.Reflection.NullabilityInfoContext().Create(p).ReadState
                != System.Reflection.NullabilityState.NotNull,
            System.Reflection.FieldInfo f => new System.Reflection.NullabilityInfoContext().Create(f).ReadState
                != System.Reflection.NullabilityState.NotNull,
            _ => true,
        };
}
