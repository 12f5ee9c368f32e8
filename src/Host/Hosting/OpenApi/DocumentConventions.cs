using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Tracker.Host.Hosting.OpenApi;

/// <summary>
/// What holds for every operation and so is declared once, not on each endpoint: the Bearer scheme (API key or JWT),
/// feature tags, the problems any request can meet, and schemas for path and query parameters.
/// </summary>
public sealed class DocumentConventions : IOpenApiDocumentTransformer
{
    public const string Scheme = "Bearer";

    public async Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken ct)
    {
        document.Info.Title = "Tracker";
        document.Info.Description = "Ofsted children's services inspections as an event-sourced record: register, " +
            "facts, grades as at and as known at, imports and integrations. Errors are RFC 9457 problems.";
        // Relative: the server that served the document is the one to call; the absolute URL it guesses is often wrong.
        document.Servers = [new OpenApiServer { Url = "/", Description = "The server that served this document" }];
        document.Components ??= new OpenApiComponents();
        document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
        document.Components.SecuritySchemes[Scheme] = new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.Http,
            Scheme = "bearer",
            BearerFormat = "API key (trk_…) or JWT",
            Description = "Authorization: Bearer <key or token>. Reads may also be anonymous where " +
                "Tracker:Auth:AnonymousReads is on; writes need writer, subscriptions need admin.",
        };
        document.Components.Schemas ??= new Dictionary<string, IOpenApiSchema>();
        foreach (var type in new[] { typeof(ProblemDetails), typeof(ValidationProblemDetails) })
            if (!document.Components.Schemas.ContainsKey(type.Name))
                document.Components.Schemas[type.Name] = await context.GetOrCreateSchemaAsync(type, null, ct);

        document.Tags = new HashSet<OpenApiTag>(
            FeatureTags.Descriptions.Select(t => new OpenApiTag { Name = t.Key, Description = t.Value }));
        var used = new HashSet<string>();
        foreach (var (path, item) in document.Paths)
        foreach (var operation in item.Operations?.Values.ToList() ?? [])
        {
            var tag = FeatureTags.For(path);
            used.Add(tag);
            operation.Tags = new HashSet<OpenApiTagReference> { new(tag, document) };
            operation.Security = [new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(Scheme, document)] = [] }];
            CommonAnswers.Apply(operation, path, document);
            foreach (var parameter in (operation.Parameters ?? []).OfType<OpenApiParameter>())
                if (parameter.Schema is null or OpenApiSchema { Type: null, Properties: null or { Count: 0 } })
                    parameter.Schema = new OpenApiSchema { Type = JsonSchemaType.String };
        }
        document.Tags = new HashSet<OpenApiTag>(document.Tags.Where(t => used.Contains(t.Name!)));
        // Wolverine's placeholder for an IResult answer; every operation now names its real schema instead.
        document.Components.Schemas.Remove("IResult");
    }
}
