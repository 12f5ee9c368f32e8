using System.Reflection;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;
using Wolverine.Http;

namespace Tracker.Host.Hosting.OpenApi;

/// <summary>Per operation, what only the endpoint's method knows: its XML summary and a body it reads itself.</summary>
public sealed class OperationDocs : IOpenApiOperationTransformer
{
    public Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken ct)
    {
        if (context.Description.ActionDescriptor is not WolverineActionDescriptor { Chain: var chain }) return Task.CompletedTask;
        var method = chain.Method.Method;
        // Wolverine fills summary and description with the operation id; the comment says what the endpoint does.
        var text = XmlDocs.Summary(method);
        operation.Summary = text is null ? null : XmlDocs.FirstSentence(text);
        operation.Description = text;
        if (method.GetCustomAttribute<RawBodyAttribute>() is { } raw)
            operation.RequestBody = new OpenApiRequestBody
            {
                Required = true,
                Content = raw.MediaTypes.ToDictionary(t => t, t => new OpenApiMediaType
                {
                    Schema = new OpenApiSchema
                    {
                        Type = JsonSchemaType.String,
                        Format = t.StartsWith("text/", StringComparison.Ordinal) ? null : "binary",
                    },
                }),
            };
        return Task.CompletedTask;
    }
}
