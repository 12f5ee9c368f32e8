using System.Globalization;
using Tracker.Benchmarks.Infra;
using Tracker.Benchmarks.Scenarios;

namespace Tracker.Benchmarks.Report;

/// <summary>Medians over the rounds and the ratio Tracker ÷ baseline, as printed and written to the results file.</summary>
public sealed record RowSummary(string Id, string Unit, double? Tracker, double? Baseline, double? Ratio, string Goal, string Verdict, string Extras, int Rounds)
{
    public static RowSummary From(RowResult row)
    {
        var s = row.Scenario;
        if (s.NotAvailable is not null) return new(s.Id, s.Unit, null, null, null, s.Goal.Text, "not available in this build", "", 0);
        if (row.Tracker.Count == 0) return new(s.Id, s.Unit, null, null, null, s.Goal.Text, $"failed: {row.Error}", "", 0);
        var tracker = Stats.Median(row.Tracker.Select(m => m.Value));
        double? baseline = row.Baseline.Count > 0 ? Stats.Median(row.Baseline.Select(m => m.Value)) : null;
        var ratio = baseline is > 0 ? tracker / baseline : null;
        var met = s.Goal.Met(tracker, ratio);
        var extras = Describe("tracker", row.Tracker) + Describe("baseline", row.Baseline);
        // G5's goal has a second, absolute half: p99 under 10 ms, judged on the open model's p99 when it was measured
        // (the closed model's understates it: coordinated omission, see Infra/LoadLoops.cs).
        var p99Key = row.Tracker.Any(m => m.Extras?.ContainsKey("open_p99_ms") == true) ? "open_p99_ms" : "p99_ms";
        if (s.Id == "G5" && !(Stats.Median(row.Tracker.Select(m => Stats.Extra(m, p99Key))) < 10)) met = false;
        var verdict = (met ? "met" : "not met") + (row.Error is null ? "" : $" (later rounds failed: {row.Error})");
        return new(s.Id, s.Unit, tracker, baseline, ratio, s.Goal.Text, verdict, extras.TrimEnd(' ', ';'), row.Tracker.Count);
    }

    private static string Describe(string side, List<Measurement> values)
    {
        var keys = values.SelectMany(m => m.Extras?.Keys ?? []).Distinct().Where(k => k != "failed" || values.Any(m => m.Extras![k] > 0));
        var parts = keys.Select(k => $"{k} {Format(Stats.Median(values.Select(m => Stats.Extra(m, k))))}");
        var text = string.Join(", ", parts);
        return text.Length == 0 ? "" : $"{side}: {text}; ";
    }

    public static string Format(double? value) => value switch
    {
        null => "–",
        double v when double.IsNaN(v) => "–",
        double v when Math.Abs(v) >= 100 => v.ToString("N0", CultureInfo.InvariantCulture),
        double v => v.ToString("0.###", CultureInfo.InvariantCulture),
    };
}
