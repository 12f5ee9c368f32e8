namespace Tracker.Benchmarks.Scenarios;

public enum GoalKind
{
    /// <summary>Tracker ÷ baseline must be at least the target (throughput).</summary>
    RatioAtLeast,
    /// <summary>Tracker ÷ baseline must be at most the target (time).</summary>
    RatioAtMost,
    /// <summary>Tracker's own figure must be below the target; there is no baseline.</summary>
    AbsoluteBelow,
}

public sealed record Goal(GoalKind Kind, double Target, string Text)
{
    public bool Met(double trackerMedian, double? ratio) => Kind switch
    {
        GoalKind.RatioAtLeast => ratio >= Target,
        GoalKind.RatioAtMost => ratio <= Target,
        _ => trackerMedian < Target,
    };
}

/// <summary>
/// One figure from one side of one round; extras carry p50/p99, peak RSS and the like. <paramref name="Ops"/> (events
/// or requests done) lets the runner add CPU milliseconds per operation for each process.
/// </summary>
public sealed record Measurement(double Value, IReadOnlyDictionary<string, double>? Extras = null, double? Ops = null);

/// <summary>
/// One G row of the benchmark. Adding a row is adding one class that implements this: the runner finds scenarios by
/// reflection, interleaves baseline and Tracker runs over the rounds, and reports medians and the ratio.
/// </summary>
public interface IScenario
{
    string Id { get; }
    string Title { get; }
    string Baseline { get; }
    string Unit { get; }
    Goal Goal { get; }

    /// <summary>Why this row cannot be measured in this build, or null when it can.</summary>
    string? NotAvailable => null;

    Task<Measurement> RunBaselineAsync(BenchContext context, CancellationToken ct);
    Task<Measurement> RunTrackerAsync(BenchContext context, CancellationToken ct);
}

/// <summary>A row whose Tracker side does not exist in this build yet: reported as such, never measured.</summary>
public abstract class UnavailableScenario : IScenario
{
    public abstract string Id { get; }
    public abstract string Title { get; }
    public abstract string Baseline { get; }
    public abstract string Unit { get; }
    public abstract Goal Goal { get; }
    public abstract string NotAvailable { get; }

    public Task<Measurement> RunBaselineAsync(BenchContext context, CancellationToken ct) => throw new NotSupportedException(NotAvailable);
    public Task<Measurement> RunTrackerAsync(BenchContext context, CancellationToken ct) => throw new NotSupportedException(NotAvailable);
}
