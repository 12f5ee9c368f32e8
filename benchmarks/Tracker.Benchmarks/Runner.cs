using System.Reflection;
using Npgsql;
using Tracker.Benchmarks.Data;
using Tracker.Benchmarks.Infra;
using Tracker.Benchmarks.Scenarios;

namespace Tracker.Benchmarks;

/// <summary>Every round of one row at one size: what each side measured, in round order.</summary>
public sealed class RowResult(IScenario scenario)
{
    public IScenario Scenario => scenario;
    public List<Measurement> Baseline { get; } = [];
    public List<Measurement> Tracker { get; } = [];
    public string? Error { get; set; }
}

public sealed record EventMix(string Type, long Count, double AverageBytes);

public sealed record SizeResult(int Size, SeedSummary Seed, IReadOnlyList<EventMix> Mix, IReadOnlyList<string> Projections, string LoadBefore, string LoadAfter, IReadOnlyList<RowResult> Rows);

/// <summary>Per size: a fresh database, the seeded dataset, then rounds that interleave baseline and Tracker runs.</summary>
public sealed class Runner(BenchOptions options, string serverConnection, CpuMeter cpu, Action<string> log)
{
    public static IReadOnlyList<IScenario> AllScenarios() => typeof(Runner).Assembly.GetTypes()
        .Where(t => typeof(IScenario).IsAssignableFrom(t) && t is { IsAbstract: false, IsInterface: false })
        .Select(t => (IScenario)Activator.CreateInstance(t)!)
        .OrderBy(s => s.Id, StringComparer.Ordinal).ToList();

    public async Task<SizeResult> RunSizeAsync(int size, CancellationToken ct)
    {
        var loadBefore = Report.Machine.LoadAverage();
        var connection = await CreateDatabaseAsync($"bench_{BenchOptions.FormatSize(size)}", ct);
        await using var store = TrackerStoreFactory.Create(connection);
        await store.Storage.ApplyAllConfiguredChangesToDatabaseAsync();
        var dataset = new SyntheticDataset(size, options.Seed);
        log($"Seeding {size:N0} events (seed {options.Seed})");
        var seed = await Seeder.SeedAsync(store, dataset, log, ct);
        log("Building the projections once so the write model exists before the rounds");
        await Infra.ProjectionRebuild.RebuildAllAsync(store, log, ct);
        await using (var ddl = new NpgsqlCommand(RawEvents.Ddl + "; analyze;", new NpgsqlConnection(connection)))
        {
            await ddl.Connection!.OpenAsync(ct);
            await ddl.ExecuteNonQueryAsync(ct);
            await ddl.Connection.DisposeAsync();
        }

        var mix = await EventMixAsync(connection, ct);
        if (options.LogStatements) await ExecuteAsync(connection, "alter system set log_min_duration_statement = 0; select pg_reload_conf();", ct);
        var rows = AllScenarios().Where(s => options.Wants(s.Id)).Select(s => new RowResult(s)).ToList();
        await using var trackerStore = TrackerStoreFactory.Create(options.TrackerConnectionOptions is { Length: > 0 } extra ? $"{connection};{extra}" : connection);
        await using var context = new BenchContext(options, dataset, connection, trackerStore, log);
        for (var round = 1; round <= options.Rounds; round++)
        {
            context.Round = round;
            log($"Round {round}/{options.Rounds} at {BenchOptions.FormatSize(size)} (load average {Report.Machine.LoadAverage()})");
            foreach (var row in rows.Where(r => r.Scenario.NotAvailable is null && r.Error is null))
                await RunRowAsync(context, row, baselineFirst: round % 2 == 1, ct);
        }
        return new SizeResult(size, seed, mix, Infra.ProjectionRebuild.Names(store), loadBefore, Report.Machine.LoadAverage(), rows);
    }

    private async Task RunRowAsync(BenchContext context, RowResult row, bool baselineFirst, CancellationToken ct)
    {
        var s = row.Scenario;
        var hasBaseline = s.Goal.Kind != GoalKind.AbsoluteBelow;
        try
        {
            // Alternating which side goes first each round keeps drift (cache warmth, table growth) from favouring one side.
            if (hasBaseline && baselineFirst) row.Baseline.Add(await MeteredAsync(context, s.RunBaselineAsync, trackerSide: false, ct));
            row.Tracker.Add(await MeteredAsync(context, s.RunTrackerAsync, trackerSide: true, ct));
            if (hasBaseline && !baselineFirst) row.Baseline.Add(await MeteredAsync(context, s.RunBaselineAsync, trackerSide: false, ct));
            var last = row.Tracker[^1];
            log($"  {s.Id}: tracker {last.Value:N2} {s.Unit}" + (hasBaseline ? $", baseline {row.Baseline[^1].Value:N2} {s.Unit}" : ""));
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            row.Error = $"{e.GetType().Name}: {e.Message}";
            log($"  {s.Id} failed and is skipped for the remaining rounds: {row.Error}");
        }
    }

    /// <summary>
    /// Adds CPU ms per operation for PostgreSQL, the benchmark process and the side's server process (the Tracker Host
    /// for Tracker runs, the bare Kestrel child for baseline runs) when that server was already running.
    /// </summary>
    private async Task<Measurement> MeteredAsync(BenchContext context, Func<BenchContext, CancellationToken, Task<Measurement>> run, bool trackerSide, CancellationToken ct)
    {
        int? Server() => trackerSide ? context.HostPid : context.BarePid;
        var hostBefore = Server();
        var before = cpu.Sample(hostBefore);
        var m = await run(context, ct);
        if (m.Ops is not > 0) return m;
        var used = cpu.Sample(hostBefore) - before;
        var extras = new Dictionary<string, double>(m.Extras ?? new Dictionary<string, double>())
        {
            ["cpu_ms_per_op_pg"] = used.Postgres * 1000 / m.Ops.Value,
            ["cpu_ms_per_op_bench"] = used.Bench * 1000 / m.Ops.Value,
        };
        if (hostBefore is not null && Server() == hostBefore) extras[trackerSide ? "cpu_ms_per_op_host" : "cpu_ms_per_op_bare_server"] = used.Host * 1000 / m.Ops.Value;
        return m with { Extras = extras };
    }

    private static async Task ExecuteAsync(string connection, string sql, CancellationToken ct)
    {
        await using var data = NpgsqlDataSource.Create(connection);
        // One at a time: ALTER SYSTEM refuses to run inside the implicit transaction of a multi-statement batch.
        foreach (var statement in sql.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            await using var command = data.CreateCommand(statement);
            await command.ExecuteNonQueryAsync(ct);
        }
    }

    private static async Task<IReadOnlyList<EventMix>> EventMixAsync(string connection, CancellationToken ct)
    {
        await using var data = NpgsqlDataSource.Create(connection);
        await using var command = data.CreateCommand(
            "select type, count(*), avg(octet_length(data::text)) from tracker.mt_events group by type order by count(*) desc");
        await using var reader = await command.ExecuteReaderAsync(ct);
        var mix = new List<EventMix>();
        while (await reader.ReadAsync(ct)) mix.Add(new EventMix(reader.GetString(0), reader.GetInt64(1), (double)reader.GetDecimal(2)));
        return mix;
    }

    private async Task<string> CreateDatabaseAsync(string name, CancellationToken ct)
    {
        await using var connection = new NpgsqlConnection(serverConnection);
        await connection.OpenAsync(ct);
        await using (var drop = new NpgsqlCommand($"drop database if exists {name} with (force)", connection)) await drop.ExecuteNonQueryAsync(ct);
        await using (var create = new NpgsqlCommand($"create database {name}", connection)) await create.ExecuteNonQueryAsync(ct);
        return new NpgsqlConnectionStringBuilder(serverConnection) { Database = name }.ConnectionString;
    }
}
