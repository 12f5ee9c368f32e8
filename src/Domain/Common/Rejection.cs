namespace Tracker.Domain.Common;

public enum RejectionKind
{
    Invalid,
    NotFound,
    Conflict,
    Unprocessable,
    /// <summary>The caller's expected stream version is stale (HTTP: 409, or 412 when it came as If-Match).</summary>
    StaleVersion,
}

/// <summary>
/// A command the domain refuses. Deciders throw it so that a handler, whether reached over HTTP or a queue,
/// stops before anything is appended; the host maps <see cref="Kind"/> to a problem response.
/// </summary>
public sealed class Rejection(RejectionKind kind, string title, string detail, IReadOnlyDictionary<string, string[]>? errors = null)
    : Exception(detail)
{
    public RejectionKind Kind { get; } = kind;
    public string Title { get; } = title;
    public IReadOnlyDictionary<string, string[]> Errors { get; } = errors ?? new Dictionary<string, string[]>();

    public static Rejection Invalid(IReadOnlyDictionary<string, string[]> errors) =>
        new(RejectionKind.Invalid, "The command is invalid", "One or more fields are invalid; see errors.", errors);

    public static Rejection UnknownAuthority(string token) =>
        new(RejectionKind.NotFound, "Unknown authority",
            $"No local authority matches '{token}'. Use a DfE code (380), GSS code (E08000032), Ofsted URN (80449) or name slug (bradford).");

    public static Rejection Conflict(string title, string detail) => new(RejectionKind.Conflict, title, detail);

    public static Rejection StaleVersion(string authorityId, long expected) => new(RejectionKind.StaleVersion, "Version conflict",
        $"Authority {authorityId} is no longer at version {expected}. Read it again and retry.");

    public static Rejection Unprocessable(string title, string detail) => new(RejectionKind.Unprocessable, title, detail);
}
