using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;
using JasperFx.Events;
using Npgsql;
using Tracker.Benchmarks.Data;
using Tracker.Benchmarks.Infra;

namespace Tracker.Benchmarks.Scenarios;

/// <summary>
/// The `import` command users run, over a history CSV of N rows for the synthetic authorities, timed from process start
/// until it exits and every async projection has caught up; against COPY of the same event rows into an events-shaped table.
/// Each round imports into a fresh database holding only the registered authorities and their built projections.
/// </summary>
public sealed partial class G3BulkImport : IScenario
{
    public string Id => "G3";
    public string Title => "bulk import of N history rows with the `import` CLI (separate process, incl. start-up), projections up to date (events/s)";
    public string Baseline => "PostgreSQL COPY of the same event rows (same JSON) into an events-shaped table";
    public string Unit => "events/s";
    public Goal Goal => new(GoalKind.RatioAtLeast, 0.50, "≥ 0.50 (aim 0.80)");

    private G3Inputs? _inputs;

    public async Task<Measurement> RunTrackerAsync(BenchContext context, CancellationToken ct)
    {
        var inputs = await InputsAsync(context, ct);
        var connection = await inputs.FreshDatabaseAsync(context, ct);
        var import = await ImportCommandProcess.RunAsync(connection, inputs.CsvPath, context.Options.HostEnvironment, context.Log, ct);
        if (import.ExitCode != 0) throw new InvalidOperationException($"import exited {import.ExitCode}:\n{string.Join('\n', import.Output.TakeLast(20))}");
        var summary = Summary().Match(string.Join('\n', import.Output));
        if (!summary.Success) throw new InvalidOperationException($"import printed no summary:\n{string.Join('\n', import.Output.TakeLast(20))}");
        long relayLag;
        double Group(string name) => double.Parse(summary.Groups[name].Value, CultureInfo.InvariantCulture);

        await using (var progress = NpgsqlDataSource.Create(connection)) relayLag = await LaggingAsync(progress, null, ct);
        var catchUp = await CatchUpAsync(context, connection, ct);
        var seconds = (import.Elapsed + catchUp).TotalSeconds;
        var written = Group("appended");
        var importer = Importer().Match(string.Join('\n', import.Output));
        var extras = new Dictionary<string, double>
        {
            ["rows_read"] = Group("read"), ["events_written"] = written, ["rejected"] = Group("rejected"), ["duplicates"] = Group("duplicates"),
            ["peak_rss_mb"] = import.PeakRssMb ?? double.NaN, ["process_s"] = import.Elapsed.TotalSeconds, ["catch_up_s"] = catchUp.TotalSeconds,
            ["relay_lag_events_at_exit"] = relayLag,
        };
        if (importer.Success) extras["write_phase_s"] = double.Parse(importer.Groups[1].Value, CultureInfo.InvariantCulture);
        return new Measurement(written / seconds, extras, written);
    }

    public async Task<Measurement> RunBaselineAsync(BenchContext context, CancellationToken ct)
    {
        var inputs = await InputsAsync(context, ct);
        await using var connection = await context.DataSource.OpenConnectionAsync(ct);
        await using (var ddl = new NpgsqlCommand(RawEvents.Ddl.Replace("raw_events", "g3_events") + "; truncate bench.g3_events;", connection))
            await ddl.ExecuteNonQueryAsync(ct);

        var clock = Stopwatch.StartNew();
        using var source = new StreamReader(inputs.CopyPath);
        await using (var copy = await connection.BeginTextImportAsync("copy bench.g3_events (id, stream_id, version, data, type) from stdin", ct))
        {
            var buffer = new char[1 << 16];
            int n;
            while ((n = await source.ReadAsync(buffer, ct)) > 0) await copy.WriteAsync(buffer, 0, n);
        }
        var seconds = clock.Elapsed.TotalSeconds;
        return new Measurement(inputs.EventRows / seconds, new Dictionary<string, double> { ["events"] = inputs.EventRows, ["copy_s"] = seconds }, inputs.EventRows);
    }

    private async Task<G3Inputs> InputsAsync(BenchContext context, CancellationToken ct) =>
        _inputs is { } i && i.Size == context.Dataset.Size ? i : _inputs = await G3Inputs.CreateAsync(context, ct);

    /// <summary>
    /// Every async projection registered in TrackerStore (none today) must reach the high-water mark. The import process
    /// runs the daemon while it imports; if it exited before catching up, a Host finishes the job. Subscriptions (the
    /// integration relay) are not projections: their lag at exit is reported, not waited for (a serving Host relays).
    /// </summary>
    private static async Task<TimeSpan> CatchUpAsync(BenchContext context, string connection, CancellationToken ct)
    {
        var clock = Stopwatch.StartNew();
        var projections = ((Marten.IDocumentStore)context.Store).Options.Events.Projections()
            .Where(p => p.Lifecycle == JasperFx.Events.Projections.ProjectionLifecycle.Async).Select(p => p.Name).ToArray();
        await using var data = NpgsqlDataSource.Create(connection);
        if (projections.Length == 0 || await LaggingAsync(data, projections, ct) == 0) return TimeSpan.Zero;
        await using var host = await TrackerHostProcess.StartAsync(connection, $"/api/authorities/{SyntheticDataset.StreamId(0)}", context.Options.HostEnvironment, ct);
        while (await LaggingAsync(data, projections, ct) > 0)
        {
            if (clock.Elapsed > TimeSpan.FromMinutes(30)) throw new TimeoutException("Async projections did not catch up within 30 minutes.");
            await Task.Delay(100, ct);
        }
        return clock.Elapsed;
    }

    /// <summary>Progression rows of the named projections (or, with none, of every consumer) behind the last event.</summary>
    private static async Task<long> LaggingAsync(NpgsqlDataSource data, string[]? names, CancellationToken ct)
    {
        await using var command = data.CreateCommand(
            "select coalesce(max(m.top - p.last_seq_id), 0) from tracker.mt_event_progression p, (select coalesce(max(seq_id), 0) top from tracker.mt_events) m " +
            "where p.name not like 'HighWater%' and p.last_seq_id < m.top and ($1::text[] is null or split_part(p.name, ':', 1) = any($1))");
        command.Parameters.Add(new NpgsqlParameter { Value = (object?)names ?? DBNull.Value, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Array | NpgsqlTypes.NpgsqlDbType.Text });
        return Convert.ToInt64(await command.ExecuteScalarAsync(ct));
    }

    // The importer's summary line: "N rows read, N events appended (N corrections, N enrichments), N duplicates skipped,
    // N refused, ...".
    [GeneratedRegex(@"(?<read>\d+) rows read, (?<appended>\d+) events appended(?: \([^)]*\))?, (?<duplicates>\d+) duplicates skipped, (?<rejected>\d+) (?:refused|rejected)")]
    private static partial Regex Summary();

    [GeneratedRegex(@"events written for [\d,]+ authority writes in ([\d.]+) s")]
    private static partial Regex Importer();
}
