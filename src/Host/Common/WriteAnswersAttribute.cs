using JasperFx.CodeGeneration;
using Microsoft.AspNetCore.Mvc;
using Wolverine.Http;

namespace Tracker.Host.Common;

/// <summary>
/// The answers every fact-recording endpoint gives (see <see cref="HttpCommands.SendAsync"/>), declared once so the
/// OpenAPI document and a generated client see the write response and each problem instead of IResult.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class WriteAnswersAttribute : ModifyHttpChainAttribute
{
    public override void Modify(HttpChain chain, GenerationRules rules)
    {
        chain.Metadata.WithMetadata(
            new ProducesResponseTypeAttribute(typeof(HttpCommands.WriteResponse), 201, "application/json"),
            new ProducesResponseTypeAttribute(typeof(HttpCommands.WriteResponse), 200, "application/json"),
            new ProducesResponseTypeAttribute(typeof(ValidationProblemDetails), 400, "application/problem+json"),
            new ProducesResponseTypeAttribute(typeof(ProblemDetails), 404, "application/problem+json"),
            new ProducesResponseTypeAttribute(typeof(ProblemDetails), 409, "application/problem+json"),
            new ProducesResponseTypeAttribute(typeof(ProblemDetails), 412, "application/problem+json"),
            new ProducesResponseTypeAttribute(typeof(ProblemDetails), 422, "application/problem+json"));
    }
}
