using Npgsql;
using Tracker.Domain.Metrics;
using Tracker.Host.Authorities;

namespace Tracker.Benchmarks.Scenarios;

/// <summary>
/// 100-event batches. Tracker has no batch command yet (the importer will bring one), so a batch here is 100 commands
/// through the one write path, AuthorityWrites.ExecuteAsync (resolve, FetchForWriting, decide, append), in one Marten
/// session committed once — with the Host's store configuration, in this process.
/// </summary>
public sealed class G2BatchWrites : IScenario
{
    private const int Writers = 4;
    private const int BatchSize = 100;

    public string Id => "G2";
    public string Title => "100-event batches, 4 writers (100 commands through AuthorityWrites in one Marten session)";
    public string Baseline => "raw 100-row INSERT transactions, 4 clients";
    public string Unit => "events/s";
    public Goal Goal => new(GoalKind.RatioAtLeast, 0.60, "≥ 0.60");

    public async Task<Measurement> RunTrackerAsync(BenchContext context, CancellationToken ct)
    {
        var batches = WriteWork.Prepare(context, context.WritesPerRound).Chunk(BatchSize).ToArray();
        var elapsed = await Workers.RunAsync(batches.Length, Writers, async b =>
        {
            await using var session = context.Store.LightweightSession();
            foreach (var item in batches[b])
                await AuthorityWrites.ExecuteAsync(session, item.Command, TimeProvider.System, RecordMetric.Decide, ct);
            await session.SaveChangesAsync(ct);
        });
        return new Measurement(batches.Sum(b => b.Length) / elapsed.TotalSeconds, Ops: batches.Sum(b => b.Length));
    }

    public async Task<Measurement> RunBaselineAsync(BenchContext context, CancellationToken ct)
    {
        var batches = WriteWork.Prepare(context, context.WritesPerRound).Chunk(BatchSize).ToArray();
        var elapsed = await Workers.RunAsync(batches.Length, Writers, async b =>
        {
            await using var connection = await context.DataSource.OpenConnectionAsync(ct);
            await using var tx = await connection.BeginTransactionAsync(ct);
            await using var batch = new NpgsqlBatch(connection, tx);
            foreach (var item in batches[b]) batch.BatchCommands.Add(RawEvents.Command(item));
            await batch.ExecuteNonQueryAsync(ct);
            await tx.CommitAsync(ct);
        });
        return new Measurement(batches.Sum(b => b.Length) / elapsed.TotalSeconds, Ops: batches.Sum(b => b.Length));
    }
}
