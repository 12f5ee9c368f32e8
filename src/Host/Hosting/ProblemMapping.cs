using System.Text.Json;
using JasperFx.Events;
using JasperFx;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Tracker.Domain.Common;

namespace Tracker.Host.Hosting;

/// <summary>
/// Turns every exception that reaches the HTTP pipeline into an RFC 9457 problem: domain rejections keep their kind,
/// stream-version races become 409 (412 when the caller sent If-Match), and anything unexpected is a 500 without internals.
/// </summary>
public sealed class ProblemMapping(IProblemDetailsService problems, ILogger<ProblemMapping> log) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext http, Exception exception, CancellationToken ct)
    {
        var problem = Map(http, exception);
        if (problem.Status >= 500) log.LogError(exception, "Unhandled error on {Method} {Path}", http.Request.Method, http.Request.Path);
        http.Response.StatusCode = problem.Status!.Value;
        if (problem.Status == 503) http.Response.Headers.RetryAfter = "2";
        return await problems.TryWriteAsync(new ProblemDetailsContext { HttpContext = http, ProblemDetails = problem });
    }

    public static ProblemDetails Map(HttpContext http, Exception exception) => Unwrap(exception) switch
    {
        Rejection { Kind: RejectionKind.Invalid } r => new ValidationProblemDetails(r.Errors.ToDictionary(e => e.Key, e => e.Value))
            { Status = 400, Title = r.Title, Detail = r.Message, Extensions = { ["code"] = "invalid_command" } },
        Rejection { Kind: RejectionKind.StaleVersion } r when http.Request.Headers.IfMatch.Count > 0 =>
            Problem(412, "Precondition failed", r.Message, "precondition_failed"),
        Rejection { Kind: RejectionKind.StaleVersion } r => Problem(409, r.Title, r.Message, "version_conflict"),
        Rejection r => Problem(r.Kind switch
        {
            RejectionKind.NotFound => 404,
            RejectionKind.Conflict => 409,
            _ => 422,
        }, r.Title, r.Message, r.Kind.ToString().ToLowerInvariant(), r.Errors),
        ConcurrencyException or ExistingStreamIdCollisionException or StreamLockedException when http.Request.Headers.IfMatch.Count > 0 =>
            Problem(412, "Precondition failed", "The authority's stream has moved past the version in If-Match. Read it again and retry.", "precondition_failed"),
        ConcurrencyException or ExistingStreamIdCollisionException or StreamLockedException =>
            Problem(409, "Version conflict", "The authority's stream changed while this command ran, or is not at the expected version. Read it again and retry.", "version_conflict"),
        var e when IsStoreOutage(e) => StoreUnavailable(),
        // The feed stops rather than skip an event whose authority snapshot is being rebuilt: retry shortly.
        Tracker.Host.Integrations.SnapshotMissingException s => Problem(503, "Feed catching up", s.Message, "snapshot_missing"),
        BadHttpRequestException b => Problem(b.StatusCode, "Bad request", b.Message, "bad_request"),
        JsonException j => Problem(400, "Invalid JSON", j.Message, "invalid_json"),
        _ => Problem(500, "Unexpected error", "The request failed unexpectedly. Nothing was recorded; quote the traceId when reporting it.", "internal"),
    };

    /// <summary>
    /// The store is briefly unreachable (restart, failover): the write was not acknowledged, and a retry is safe.
    /// Marten wraps the Npgsql failure (MartenCommandException), Wolverine and the import's parallel writes may wrap it
    /// again (AggregateException), so the whole chain is searched, not just the outer exception.
    /// </summary>
    public static bool IsStoreOutage(Exception e) => e switch
    {
        Npgsql.NpgsqlException { IsTransient: true } or System.Net.Sockets.SocketException or TimeoutException => true,
        AggregateException a => a.InnerExceptions.Any(IsStoreOutage),
        _ => e.InnerException is { } inner && IsStoreOutage(inner),
    };

    private static ProblemDetails StoreUnavailable() => Problem(503, "Store unavailable",
        "The database could not be reached. Retry shortly: writes are idempotent, so a retry never records a fact twice.",
        "store_unavailable");

    private static Exception Unwrap(Exception e) => e is AggregateException { InnerExceptions.Count: 1 } a ? Unwrap(a.InnerException!) : e;

    private static ProblemDetails Problem(int status, string title, string detail, string code, IReadOnlyDictionary<string, string[]>? errors = null)
    {
        var problem = new ProblemDetails { Status = status, Title = title, Detail = detail, Extensions = { ["code"] = code } };
        // A batch refused for several reasons names each command's reason, whatever the status.
        if (errors is { Count: > 0 }) problem.Extensions["errors"] = errors;
        return problem;
    }
}
