using System.Diagnostics;
using JasperFx.Events;
using Npgsql;
using Tracker.Benchmarks.Data;
using Tracker.Benchmarks.Infra;
using Tracker.Domain.Authorities;

namespace Tracker.Benchmarks.Scenarios;

/// <summary>G3's inputs for one size, built once and untimed: the CSV, the baseline's COPY file, the registrations.</summary>
public sealed class G3Inputs
{
    private G3Inputs(int size, string csvPath, string copyPath, long eventRows, IReadOnlyList<AuthorityRegistered> registrations) =>
        (Size, CsvPath, CopyPath, EventRows, Registrations) = (size, csvPath, copyPath, eventRows, registrations);

    public int Size { get; }
    public string CsvPath { get; }
    public string CopyPath { get; }
    public long EventRows { get; }
    public IReadOnlyList<AuthorityRegistered> Registrations { get; }

    public static async Task<G3Inputs> CreateAsync(BenchContext context, CancellationToken ct)
    {
        var clock = Stopwatch.StartNew();
        var dataset = context.Dataset;
        var stem = Path.Combine(Path.GetTempPath(), $"tracker-bench-g3-{BenchOptions.FormatSize(dataset.Size)}-{Environment.ProcessId}");
        await HistoryCsv.WriteAsync(stem + ".csv", dataset.Size, dataset.StreamCount, context.Options.Seed, ct);
        var rows = await ImportedEventRows.WriteCopyFileAsync(context.Store, stem + ".csv", stem + ".copy", ct);
        var registrations = dataset.Streams().Select(s => (AuthorityRegistered)s.Events[0]).ToList();
        context.Log($"  G3 inputs: {dataset.Size:N0} CSV rows for {registrations.Count:N0} authorities, {rows:N0} event rows for COPY ({clock.Elapsed.TotalSeconds:N1} s)");
        return new G3Inputs(dataset.Size, stem + ".csv", stem + ".copy", rows, registrations);
    }

    /// <summary>
    /// A fresh database: the Host's own schema (created by running the import once on a header-only file, so the timed
    /// run's start-up only checks it), the authorities' registrations, and every projection built from them.
    /// </summary>
    public async Task<string> FreshDatabaseAsync(BenchContext context, CancellationToken ct)
    {
        var clock = Stopwatch.StartNew();
        var name = $"bench_g3_{BenchOptions.FormatSize(Size)}";
        await using (var server = NpgsqlDataSource.Create(new NpgsqlConnectionStringBuilder(context.ConnectionString) { Database = "postgres" }.ConnectionString))
        {
            await using (var drop = server.CreateCommand($"drop database if exists {name} with (force)")) await drop.ExecuteNonQueryAsync(ct);
            await using (var create = server.CreateCommand($"create database {name}")) await create.ExecuteNonQueryAsync(ct);
        }
        // The forced drop killed the idle connections Npgsql's shared pool kept for the last round's database.
        NpgsqlConnection.ClearAllPools();
        var connection = new NpgsqlConnectionStringBuilder(context.TrackerConnectionString) { Database = name }.ConnectionString;

        var empty = CsvPath + ".header-only.csv";
        await File.WriteAllTextAsync(empty, HistoryCsv.Header + "\n", ct);
        var schema = await ImportCommandProcess.RunAsync(connection, empty, context.Options.HostEnvironment, _ => { }, ct);
        if (schema.ExitCode != 0) throw new InvalidOperationException($"schema run exited {schema.ExitCode}:\n{string.Join('\n', schema.Output.TakeLast(20))}");

        await using var store = TrackerStoreFactory.Create(connection);
        var registry = (IEventRegistry)store.Options.Events;
        foreach (var chunk in Registrations.Chunk(5_000))
            await store.BulkInsertEventsAsync(chunk.Select(r => StreamAction.Start(registry, r.AuthorityId, r)).ToList(), cancellation: ct);
        await ProjectionRebuild.RebuildAllAsync(store, _ => { }, ct);
        await using (var analyze = new NpgsqlConnection(connection))
        {
            await analyze.OpenAsync(ct);
            await using var command = new NpgsqlCommand("analyze", analyze);
            await command.ExecuteNonQueryAsync(ct);
        }
        context.Log($"  G3 round database {name}: {Registrations.Count:N0} authorities registered, projections built ({clock.Elapsed.TotalSeconds:N1} s)");
        return connection;
    }
}
