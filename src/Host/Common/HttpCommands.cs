using System.Text.RegularExpressions;
using Marten;
using Tracker.Domain.Common;
using Tracker.Host.Authorities;
using Tracker.Host.Writes;
using Tracker.Projections.Authorities;
using Wolverine;

namespace Tracker.Host.Common;

/// <summary>What every write endpoint shares: the caller, the precondition, sending the command and shaping the answer.</summary>
public static partial class HttpCommands
{
    private static readonly TimeSpan InvokeTimeout = TimeSpan.FromSeconds(30);

    public sealed record WriteResponse(string Status, string Authority, string FactId, long Version, IReadOnlyList<FactEvent>? Record,
        string? Detail = null);

    /// <summary>
    /// Who recorded the fact: the authenticated caller (<c>key:&lt;name&gt;</c> for an API key, the token's subject for a JWT).
    /// Writes always require authentication, so "anonymous" only appears if that rule is switched off.
    /// </summary>
    public static string Caller(HttpContext http)
    {
        var name = http.User.Identity is { IsAuthenticated: true } identity ? identity.Name?.Trim() : null;
        if (string.IsNullOrEmpty(name)) return "anonymous";
        return name.Length > 200 ? name[..200] : name;
    }

    /// <summary>The stream version the caller last saw: <c>If-Match: "7"</c> (412 when stale) or <c>?expectedVersion=7</c> (409 when stale).</summary>
    public static long? ExpectedVersion(HttpContext http)
    {
        var ifMatch = http.Request.Headers.IfMatch.ToString().Trim();
        var query = http.Request.Query["expectedVersion"].ToString().Trim();
        if (ifMatch.Length > 0)
        {
            var match = ETagPattern().Match(ifMatch);
            if (!match.Success)
                throw Rejection.Invalid(new Dictionary<string, string[]> { ["If-Match"] = ["must be one stream version as an ETag, e.g. \"7\"."] });
            return long.Parse(match.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
        }
        if (query.Length == 0) return null;
        if (!long.TryParse(query, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var version))
            throw Rejection.Invalid(new Dictionary<string, string[]> { ["expectedVersion"] = ["must be a non-negative whole number."] });
        return version;
    }

    public static async Task<IResult> SendAsync(HttpContext http, IMessageBus bus, IQuerySession query, object? body, IAuthorityCommand command)
    {
        if (body is null)
            throw Rejection.Invalid(new Dictionary<string, string[]> { ["body"] = ["a JSON object is required."] });

        var result = await bus.InvokeAsync<CommandResult>(command, http.RequestAborted, InvokeTimeout);
        // The writer throws a command's rejection, so an answer always names the authority.
        var authorityId = result.AuthorityId!;
        http.Response.Headers.ETag = $"\"{result.Version}\"";
        var location = $"/api/authorities/{authorityId}/facts/{result.FactId}";
        if (!result.AlreadyRecorded)
            return Results.Created(location, new WriteResponse("recorded", authorityId, result.FactId, result.Version, null));

        var record = await FactHistory.LoadAsync(query, authorityId, result.FactId, http.RequestAborted);
        http.Response.Headers.Location = location;
        if (result.Withdrawn)
            return Results.Ok(new WriteResponse("withdrawn", authorityId, result.FactId, result.Version, record,
                "This fact was withdrawn and sending it again does not bring it back. To make it count again, POST " +
                $"/api/authorities/{authorityId}/corrections with {{\"factId\": \"{result.FactId}\", " +
                "\"action\": \"reinstate\", \"reason\": \"…\"}."));
        return Results.Ok(new WriteResponse("already_recorded", authorityId, result.FactId, result.Version, record));
    }

    [GeneratedRegex("^(?:W/)?\"?(\\d{1,18})\"?$")]
    private static partial Regex ETagPattern();
}
