using System.Diagnostics;
using HdrHistogram;

namespace Tracker.Benchmarks.Infra;

/// <summary>
/// Latencies recorded in an HdrHistogram (microsecond resolution, 3 significant digits, up to 10 minutes), safe for
/// concurrent writers. Percentiles from a histogram do not need every sample kept and sorted, so a long open-model run
/// at thousands of requests a second costs a fixed few hundred kilobytes.
/// </summary>
public sealed class Latencies
{
    private const long HighestMicroseconds = 10L * 60 * 1_000_000;
    private readonly LongConcurrentHistogram _histogram = new(1, HighestMicroseconds, 3);

    public long Count => _histogram.TotalCount;

    /// <summary>Records the time from <paramref name="startTimestamp"/> (a Stopwatch timestamp) until now.</summary>
    public void RecordSince(long startTimestamp) => Record(Stopwatch.GetElapsedTime(startTimestamp));

    public void Record(TimeSpan latency) =>
        _histogram.RecordValue(Math.Clamp((long)Math.Round(latency.TotalMicroseconds), 1, HighestMicroseconds));

    /// <summary>Milliseconds at the percentile (0-100), NaN when nothing was recorded.</summary>
    public double PercentileMs(double percentile) =>
        Count == 0 ? double.NaN : _histogram.GetValueAtPercentile(percentile) / 1000.0;

    public double MaxMs => Count == 0 ? double.NaN : _histogram.GetMaxValue() / 1000.0;

    public LatencySummary Summary() => new(Count, PercentileMs(50), PercentileMs(90), PercentileMs(99), MaxMs);
}

public sealed record LatencySummary(long Count, double P50Ms, double P90Ms, double P99Ms, double MaxMs)
{
    /// <summary>The four figures as report extras, each key prefixed (e.g. <c>open_</c>).</summary>
    public IEnumerable<KeyValuePair<string, double>> Extras(string prefix = "") =>
    [
        new($"{prefix}p50_ms", P50Ms), new($"{prefix}p90_ms", P90Ms),
        new($"{prefix}p99_ms", P99Ms), new($"{prefix}max_ms", MaxMs),
    ];
}
