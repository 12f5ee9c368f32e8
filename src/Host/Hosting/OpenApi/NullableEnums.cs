using System.Text.Json;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Tracker.Host.Hosting.OpenApi;

/// <summary>
/// A shared enum schema says only which names exist; whether a property may be null is said where it is used.
/// <para>The generator takes an enum's component schema from its first use, so an enum first met as a nullable
/// property (<c>FrameworkVersion?</c>) lists <c>null</c> among its names and types itself <c>["null","string"]</c>,
/// although every nullable use already wraps the reference in <c>oneOf [{type: null}, {$ref}]</c>. Code generators
/// read that <c>oneOf</c> by dropping its nullable branch; with both branches nullable nothing is left to drop, and
/// NSwag emitted an empty class for the property, so a generated client could not send a command.</para>
/// </summary>
public sealed class NullableEnums : IOpenApiDocumentTransformer
{
    public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken ct)
    {
        foreach (var schema in document.Components?.Schemas?.Values.OfType<OpenApiSchema>() ?? [])
        {
            if (schema.Enum is not { Count: > 0 } names || !names.Any(IsNull)) continue;
            schema.Enum = names.Where(n => !IsNull(n)).ToList();
            if (schema.Type is { } type) schema.Type = type & ~JsonSchemaType.Null;
        }
        return Task.CompletedTask;
    }

    private static bool IsNull(System.Text.Json.Nodes.JsonNode? name) =>
        name is null || name.GetValueKind() == JsonValueKind.Null;
}
