using Microsoft.OpenApi;

namespace Tracker.Host.Hosting.OpenApi;

/// <summary>
/// The statuses any operation can answer whatever its endpoint does, each as a problem+json document:
/// the security, rate-limit and outage answers, and for a body the size and media-type refusals.
/// </summary>
public static class CommonAnswers
{
    private static readonly (string Status, string Description)[] Everywhere =
    [
        ("401", "No valid API key or token was sent (or anonymous reads are off)."),
        ("403", "The key or token lacks the role this operation needs."),
        ("429", "Too many requests from this caller; retry after Retry-After seconds."),
        ("503", "The store is briefly unreachable; nothing was recorded, and a retry is safe."),
    ];

    private static readonly (string Status, string Description)[] WithBody =
    [
        ("400", "The body or a parameter is invalid."),
        ("413", "The body is larger than this operation accepts."),
        ("415", "The body is not in a media type this operation accepts."),
    ];

    public static void Apply(OpenApiOperation operation, string path, OpenApiDocument document)
    {
        operation.Responses ??= new OpenApiResponses();
        DropPlaceholders(operation.Responses, path);
        var answers = operation.RequestBody is null ? Everywhere : Everywhere.Concat(WithBody);
        foreach (var (status, description) in answers)
            if (!operation.Responses.ContainsKey(status))
                operation.Responses[status] = new OpenApiResponse { Description = description };
        // Every error is a problem document, including those declared without a body (Wolverine's default 404).
        foreach (var (status, response) in operation.Responses)
            if (status[0] is '4' or '5' && response is OpenApiResponse { Content: null or { Count: 0 } } bare)
                bare.Content = new Dictionary<string, OpenApiMediaType>
                {
                    ["application/problem+json"] = new()
                    {
                        Schema = new OpenApiSchemaReference(status == "400" ? "ValidationProblemDetails" : "ProblemDetails", document),
                    },
                };
    }

    /// <summary>
    /// Wolverine assumes 200 with an IResult body, and 404, for every endpoint. Where the endpoint declares its own
    /// success (201, 204) the placeholder 200 is not an answer it gives, and a path without a parameter has nothing
    /// to be missing, so neither is kept.
    /// </summary>
    private static void DropPlaceholders(OpenApiResponses responses, string path)
    {
        if (responses.TryGetValue("200", out var ok) && ok.Content is { } content
            && content.Values.Any(m => m.Schema is OpenApiSchemaReference { Reference.Id: "IResult" }))
            responses.Remove("200");
        if (!path.Contains('{') && responses.TryGetValue("404", out var missing) && missing.Content is null or { Count: 0 })
            responses.Remove("404");
    }
}
