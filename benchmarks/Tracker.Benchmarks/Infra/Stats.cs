namespace Tracker.Benchmarks.Infra;

public static class Stats
{
    /// <summary>An extra figure of a measurement, NaN when that round did not record it (medians skip NaN).</summary>
    public static double Extra(Scenarios.Measurement m, string key) =>
        m.Extras is { } extras && extras.TryGetValue(key, out var v) ? v : double.NaN;

    public static double Median(IEnumerable<double> values) => Percentile(values, 50);

    /// <summary>Nearest-rank percentile.</summary>
    public static double Percentile(IEnumerable<double> values, double p)
    {
        var sorted = values.Where(v => !double.IsNaN(v)).Order().ToArray();
        if (sorted.Length == 0) return double.NaN;
        var rank = (int)Math.Ceiling(p / 100.0 * sorted.Length);
        return sorted[Math.Clamp(rank - 1, 0, sorted.Length - 1)];
    }
}
