using Tracker.Domain.Authorities;

namespace Tracker.Domain.Common;

/// <summary>The idempotency rule every fact shares: same content appends nothing, different content conflicts.</summary>
public static class FactLedger
{
    /// <remarks>
    /// A withdrawn fact sent again with the same content appends nothing: a re-import must not undo a withdrawal. It
    /// counts again only through an explicit reinstatement (<see cref="Corrections.CorrectionAction.Reinstate"/>); the
    /// caller can tell this case apart with <see cref="IsWithdrawn"/>. Different content under a withdrawn fact's id
    /// is recorded: that is how a visit or finding is corrected (withdraw, then record the corrected version).
    /// </remarks>
    public static IReadOnlyList<object> Decide(Authority state, string factId, string kind, string fingerprint, string describe, Func<object> recorded)
    {
        if (!state.Facts.TryGetValue(factId, out var existing))
            return [recorded()];
        if (existing.Withdrawn)
            return existing.Kind == kind && existing.Fingerprint == fingerprint ? [] : [recorded()];

        if (existing.Kind != kind)
            throw Rejection.Conflict("Report already recorded as another kind",
                $"{describe} is already recorded for {state.Name} as a {existing.Kind} (factId {factId}).");

        if (existing.Fingerprint == fingerprint)
            return [];

        throw Rejection.Conflict("A different version is already recorded",
            $"{describe} is already recorded for {state.Name} with different content (factId {factId}). " +
            $"To change it, POST /api/authorities/{state.Id}/corrections with {{\"factId\": \"{factId}\", ...}}.");
    }

    /// <summary>Whether the fact exists and is withdrawn: a command that appended nothing for it was not "already recorded".</summary>
    public static bool IsWithdrawn(Authority state, string factId) => state.Facts.TryGetValue(factId, out var f) && f.Withdrawn;

    /// <summary>Facts must fall within the authority's lifetime: a successor has no pre-split history.</summary>
    public static void EnsureExisted(Authority state, DateOnly? on, string field)
    {
        if (on is not { } date || state.ExistedOn(date)) return;
        var span = $"{state.FormedOn?.ToString("yyyy-MM-dd") ?? "its creation"} to {state.AbolishedOn?.ToString("yyyy-MM-dd") ?? "now"}";
        throw Rejection.Unprocessable("Outside the authority's lifetime",
            $"{state.Name} existed from {span}; {field} {date:yyyy-MM-dd} falls outside it. Record it against the authority that existed then.");
    }
}
