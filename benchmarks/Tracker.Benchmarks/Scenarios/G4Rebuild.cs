using System.Diagnostics;
using System.Globalization;
using Tracker.Benchmarks.Infra;

namespace Tracker.Benchmarks.Scenarios;

/// <summary>
/// Rebuild of every projection registered in TrackerStore through the Host's ProjectionRebuild (what the rebuild
/// command runs: concurrent projections, GradePicture in one pass), in a child process so its peak RSS is measured on
/// its own, against streaming every event row to a client.
/// </summary>
public sealed class G4Rebuild : IScenario
{
    public string Id => "G4";
    public string Title => "rebuild of every projection over all events (the rebuild command's path, separate process)";
    public string Baseline => "streaming all event rows (seq, id, stream, version, type, data) to a client";
    public string Unit => "s";
    public Goal Goal => new(GoalKind.RatioAtMost, 3.0, "≤ 3×");

    public async Task<Measurement> RunTrackerAsync(BenchContext context, CancellationToken ct)
    {
        // As an operator does (docs/read-models.md): stop the nodes, rebuild, start them again. Untimed.
        await context.StopHostAsync();
        string[] result;
        await using (var child = ChildProcess.Start("rebuild", context.TrackerConnectionString))
            result = (await child.WaitForAsync("RESULT", context.Log, ct)).Split(' ');
        await context.HostAsync(ct);
        var seconds = double.Parse(result[0], CultureInfo.InvariantCulture);
        var rss = double.Parse(result[1], CultureInfo.InvariantCulture);
        var events = await EventCountAsync(context, ct);
        var extras = new Dictionary<string, double>
        {
            ["peak_rss_mb"] = rss, ["events"] = events,
            ["cpu_ms_per_op_rebuilder"] = double.Parse(result[2], CultureInfo.InvariantCulture) * 1000 / events,
        };
        // Each projection's own seconds (they overlap, so they add up to more than the total).
        foreach (var pair in result.Skip(3).Select(p => p.Split('=')))
            extras[$"{pair[0].ToLowerInvariant()}_s"] = double.Parse(pair[1], CultureInfo.InvariantCulture);
        return new Measurement(seconds, extras, events);
    }

    public async Task<Measurement> RunBaselineAsync(BenchContext context, CancellationToken ct)
    {
        var clock = Stopwatch.StartNew();
        await using var connection = await context.DataSource.OpenConnectionAsync(ct);
        await using var command = new Npgsql.NpgsqlCommand(
            "select seq_id, id, stream_id, version, type, data::text from tracker.mt_events order by seq_id", connection);
        await using var reader = await command.ExecuteReaderAsync(ct);
        long rows = 0, bytes = 0;
        while (await reader.ReadAsync(ct))
        {
            rows++;
            bytes += reader.GetString(5).Length + reader.GetString(2).Length + reader.GetString(4).Length;
        }
        return new Measurement(clock.Elapsed.TotalSeconds, new Dictionary<string, double> { ["events"] = rows, ["mb"] = bytes / 1e6 }, rows);
    }

    private static async Task<double> EventCountAsync(BenchContext context, CancellationToken ct)
    {
        await using var command = context.DataSource.CreateCommand("select count(*) from tracker.mt_events");
        return Convert.ToDouble(await command.ExecuteScalarAsync(ct), CultureInfo.InvariantCulture);
    }
}
