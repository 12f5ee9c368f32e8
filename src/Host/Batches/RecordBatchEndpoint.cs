using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using Tracker.Host.Common;
using Wolverine;
using Wolverine.Http;

namespace Tracker.Host.Batches;

public static class RecordBatchEndpoint
{
    private static readonly TimeSpan InvokeTimeout = TimeSpan.FromSeconds(60);

    /// <summary>
    /// Record up to 500 commands of any type, for any authorities, in one transaction: all or nothing. Each command is
    /// idempotent by its natural key, so resubmitting a batch records nothing twice.
    /// </summary>
    [WolverinePost("/api/batches", OperationId = "RecordBatch")]
    [ProducesResponseType(typeof(BatchResult), 201, "application/json")]
    [ProducesResponseType(typeof(BatchResult), 200, "application/json")]
    [ProducesResponseType(typeof(ValidationProblemDetails), 400, "application/problem+json")]
    [ProducesResponseType(typeof(ProblemDetails), 404, "application/problem+json")]
    [ProducesResponseType(typeof(ProblemDetails), 409, "application/problem+json")]
    [ProducesResponseType(typeof(ProblemDetails), 422, "application/problem+json")]
    public static async Task<IResult> Post(BatchRequest? batch, HttpContext http, IMessageBus bus)
    {
        var json = http.RequestServices.GetRequiredService<IOptions<Microsoft.AspNetCore.Http.Json.JsonOptions>>().Value.SerializerOptions;
        var command = BatchCommands.Parse(batch, HttpCommands.Caller(http), json);
        var result = await bus.InvokeAsync<BatchResult>(command, http.RequestAborted, InvokeTimeout);
        return result.Recorded > 0 ? Results.Json(result, statusCode: 201) : Results.Ok(result);
    }
}
