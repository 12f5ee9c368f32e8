using System.Globalization;
using Tracker.Domain.Common;

namespace Tracker.Host.Common;

/// <summary>
/// The two clocks of every read. AsOf is domain time: reports published on or before that day (default today, UTC).
/// KnownAt is record time: only events Tracker had stored by that instant (default: everything).
/// </summary>
public sealed record ReadQuery(DateOnly AsOf, DateTimeOffset? KnownAt)
{
    public static ReadQuery Parse(string? asOf, string? knownAt, TimeProvider clock)
    {
        var errors = new Errors();
        var day = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        if (!string.IsNullOrWhiteSpace(asOf) &&
            !DateOnly.TryParseExact(asOf.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out day))
            errors.Add("asOf", "must be a date as YYYY-MM-DD, e.g. 2024-03-31.");

        DateTimeOffset? known = null;
        if (!string.IsNullOrWhiteSpace(knownAt))
        {
            if (DateTimeOffset.TryParse(knownAt.Trim(), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var at))
                known = at;
            else errors.Add("knownAt", "must be an ISO 8601 timestamp, e.g. 2026-11-27T12:00:00Z.");
        }
        errors.ThrowIfAny();
        return new ReadQuery(day, known);
    }

    public static string Area(string? area)
    {
        // Absent means overall; present but blank (`area=`) is a mistake, answered as one.
        var value = area is null ? JudgementAreas.Overall : area.Trim();
        if (!JudgementAreas.National.Contains(value))
            throw Rejection.Invalid(new Dictionary<string, string[]> { ["area"] = [$"must be one of {string.Join(", ", JudgementAreas.National)}."] });
        return value;
    }
}
