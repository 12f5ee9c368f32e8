using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;
using Tracker.Benchmarks.Infra;

namespace Tracker.Benchmarks.Scenarios;

/// <summary>
/// Rebuild of every projection registered in TrackerStore by the production Host's own <c>rebuild</c> command (pre-generated
/// code, as an operator runs it), against streaming every event row to a client. The figure is the rebuild itself, as
/// the command reports it; the whole command with its start-up is extra <c>command_s</c>.
/// </summary>
public sealed partial class G4Rebuild : IScenario
{
    public string Id => "G4";
    public string Title => "rebuild of every projection over all events (the production Host's rebuild command)";
    public string Baseline => "streaming all event rows (seq, id, stream, version, type, data) to a client";
    public string Unit => "s";
    public Goal Goal => new(GoalKind.RatioAtMost, 3.0, "≤ 3×");

    public async Task<Measurement> RunTrackerAsync(BenchContext context, CancellationToken ct)
    {
        // As an operator does (docs/read-models.md): stop the nodes, rebuild, start them again. Untimed. --force because
        // the node just stopped may still have a fresh heartbeat row for a few seconds.
        await context.StopHostAsync();
        var run = await ImportCommandProcess.RunCommandAsync(context.TrackerConnectionString, ["rebuild", "--force"],
            context.Options.HostEnvironment, context.Log, ct);
        await context.HostAsync(ct);
        if (run.ExitCode != 0)
            throw new InvalidOperationException($"rebuild exited {run.ExitCode}: {string.Join('\n', run.Output.TakeLast(20))}");
        var events = await EventCountAsync(context, ct);
        var extras = new Dictionary<string, double>
        {
            ["peak_rss_mb"] = run.PeakRssMb ?? double.NaN, ["events"] = events, ["command_s"] = run.Elapsed.TotalSeconds,
            ["cpu_ms_per_op_rebuilder"] = (run.CpuSeconds ?? double.NaN) * 1000 / events,
        };
        double? seconds = null;
        foreach (var line in run.Output)
        {
            // "[1/3] Authority: done, 10019 documents in 4.2 s." — each projection's own time (they overlap).
            if (Done().Match(line) is { Success: true } done)
                extras[$"{done.Groups[1].Value.ToLowerInvariant()}_s"] = double.Parse(done.Groups[2].Value, CultureInfo.InvariantCulture);
            if (Total().Match(line) is { Success: true } total) seconds = double.Parse(total.Groups[1].Value, CultureInfo.InvariantCulture);
        }
        return new Measurement(seconds ?? throw new InvalidOperationException("The rebuild command printed no total"), extras, events);
    }

    [GeneratedRegex(@"\] (\w+): done, \d+ documents in ([\d.]+) s")]
    private static partial Regex Done();

    [GeneratedRegex(@"^Rebuilt \d+ projection\(s\) in ([\d.]+) s")]
    private static partial Regex Total();

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
