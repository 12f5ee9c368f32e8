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

public sealed record SizeResult(int Size, SeedSummary Seed, IReadOnlyList<string> Projections, string LoadBefore, string LoadAfter, IReadOnlyList<RowResult> Rows);

/// <summary>Per size: a fresh database, the seeded dataset, then rounds that interleave baseline and Tracker runs.</summary>
public sealed class Runner(BenchOptions options, string serverConnection, Action<string> log)
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

        var rows = AllScenarios().Where(s => options.Wants(s.Id)).Select(s => new RowResult(s)).ToList();
        await using var context = new BenchContext(options, dataset, connection, store, log);
        for (var round = 1; round <= options.Rounds; round++)
        {
            context.Round = round;
            log($"Round {round}/{options.Rounds} at {BenchOptions.FormatSize(size)} (load average {Report.Machine.LoadAverage()})");
            foreach (var row in rows.Where(r => r.Scenario.NotAvailable is null && r.Error is null))
                await RunRowAsync(context, row, baselineFirst: round % 2 == 1, ct);
        }
        return new SizeResult(size, seed, Infra.ProjectionRebuild.Names(store), loadBefore, Report.Machine.LoadAverage(), rows);
    }

    private async Task RunRowAsync(BenchContext context, RowResult row, bool baselineFirst, CancellationToken ct)
    {
        var s = row.Scenario;
        var hasBaseline = s.Goal.Kind != GoalKind.AbsoluteBelow;
        try
        {
            // Alternating which side goes first each round keeps drift (cache warmth, table growth) from favouring one side.
            if (hasBaseline && baselineFirst) row.Baseline.Add(await s.RunBaselineAsync(context, ct));
            row.Tracker.Add(await s.RunTrackerAsync(context, ct));
            if (hasBaseline && !baselineFirst) row.Baseline.Add(await s.RunBaselineAsync(context, ct));
            var last = row.Tracker[^1];
            log($"  {s.Id}: tracker {last.Value:N2} {s.Unit}" + (hasBaseline ? $", baseline {row.Baseline[^1].Value:N2} {s.Unit}" : ""));
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            row.Error = $"{e.GetType().Name}: {e.Message}";
            log($"  {s.Id} failed and is skipped for the remaining rounds: {row.Error}");
        }
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
