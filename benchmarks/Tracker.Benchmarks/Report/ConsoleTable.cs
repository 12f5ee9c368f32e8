namespace Tracker.Benchmarks.Report;

public static class ConsoleTable
{
    public static void Print(SizeResult result, Action<string> write)
    {
        write("");
        write($"Results at {BenchOptions.FormatSize(result.Size)} events ({result.Seed.Streams:N0} streams), medians of rounds; load average {result.LoadBefore} → {result.LoadAfter}");
        write($"{"#",-3} {"unit",-9} {"tracker",12} {"baseline",12} {"ratio",7}  {"goal",-22} verdict");
        foreach (var row in result.Rows.Select(RowSummary.From))
        {
            write($"{row.Id,-3} {row.Unit,-9} {RowSummary.Format(row.Tracker),12} {RowSummary.Format(row.Baseline),12} {RowSummary.Format(row.Ratio),7}  {row.Goal,-22} {row.Verdict}");
            if (row.Extras.Length > 0) write($"    {row.Extras}");
        }
    }
}
