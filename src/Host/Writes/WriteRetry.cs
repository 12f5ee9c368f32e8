using JasperFx;

namespace Tracker.Host.Writes;

/// <summary>The write path's one retry policy: a write that lost a race to another writer decides again.</summary>
public static class WriteRetry
{
    public const int Attempts = 6;

    /// <summary>
    /// Exponential backoff with full jitter (a random wait up to 10, 20, 40… ms): writers that collided on one stream
    /// do not collide again in lockstep, which fixed cooldowns made them do under load.
    /// </summary>
    public static TimeSpan Backoff(int attempt) =>
        TimeSpan.FromMilliseconds(Random.Shared.Next(1, 10 << Math.Min(attempt - 1, 6)));

    /// <summary>A commit refused because a stream moved on since it was read (possibly wrapped by Marten).</summary>
    public static bool IsLostRace(Exception e) => e switch
    {
        ConcurrencyException => true,
        AggregateException a => a.InnerExceptions.Count > 0 && a.InnerExceptions.All(IsLostRace),
        _ => e.InnerException is { } inner && IsLostRace(inner),
    };
}
