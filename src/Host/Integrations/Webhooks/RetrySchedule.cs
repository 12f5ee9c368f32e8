namespace Tracker.Host.Integrations.Webhooks;

/// <summary>Exponential backoff with up to 25% jitter, capped, until the horizon since the first attempt is spent.</summary>
public static class RetrySchedule
{
    /// <summary>When to try again after <paramref name="attempts"/> failures, or null when the delivery is dead.</summary>
    public static DateTimeOffset? Next(IntegrationOptions options, int attempts, DateTimeOffset firstAttempt, DateTimeOffset now)
    {
        var exponent = Math.Min(attempts - 1, 30);
        var baseDelay = Math.Min(options.FirstRetryDelay.TotalMilliseconds * Math.Pow(2, exponent), options.MaxRetryDelay.TotalMilliseconds);
        var delay = TimeSpan.FromMilliseconds(baseDelay * (1 + Random.Shared.NextDouble() * 0.25));
        var at = now + delay;
        return at - firstAttempt > options.RetryHorizon ? null : at;
    }
}
