using System.Net.Http.Headers;
using System.Text;
using Npgsql;

namespace Tracker.Benchmarks.Scenarios;

/// <summary>
/// 100-event batches: POST /api/batches on the real Host, each body 100 metric commands (one event each, on distinct
/// streams), recorded in one transaction. The baseline sends the same 100 event rows as one INSERT transaction.
/// </summary>
public sealed class G2BatchWrites : IScenario
{
    private const int Writers = 4;
    private const int BatchSize = 100;

    public string Id => "G2";
    public string Title => "100-event batches, 4 writers (POST /api/batches with 100 commands on the Host)";
    public string Baseline => "raw 100-row INSERT transactions, 4 clients";
    public string Unit => "events/s";
    public Goal Goal => new(GoalKind.RatioAtLeast, 0.60, "≥ 0.60");

    /// <summary>At least ten batches per side, so four writers each send a few.</summary>
    private static int Events(BenchContext context) => Math.Max(context.WritesPerRound, 10 * BatchSize);

    public async Task<Measurement> RunTrackerAsync(BenchContext context, CancellationToken ct)
    {
        var host = await context.HostAsync(ct);
        var batches = WriteWork.Prepare(context, Events(context)).Chunk(BatchSize)
            .Select(b => "{\"commands\":[" + string.Join(',', b.Select(i => $"{{\"type\":\"metric\",\"authority\":\"{i.StreamId}\",\"fact\":{i.Body}}}")) + "]}")
            .ToArray();
        using var handler = new SocketsHttpHandler { MaxConnectionsPerServer = Writers };
        using var http = new HttpClient(handler) { BaseAddress = host.BaseAddress, Timeout = TimeSpan.FromMinutes(2) };
        var failures = 0;
        var elapsed = await Workers.RunAsync(batches.Length, Writers, async b =>
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, "/api/batches")
            {
                Content = new StringContent(batches[b], Encoding.UTF8, new MediaTypeHeaderValue("application/json")),
            };
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", host.ApiKey);
            using var response = await http.SendAsync(request, ct);
            if ((int)response.StatusCode != 201) Interlocked.Increment(ref failures);
        });
        if (failures > 0) context.Log($"    G2: {failures} of {batches.Length} batches did not answer 201");
        var events = (batches.Length - failures) * BatchSize;
        return new Measurement(events / elapsed.TotalSeconds, new Dictionary<string, double> { ["failed"] = failures }, events);
    }

    public async Task<Measurement> RunBaselineAsync(BenchContext context, CancellationToken ct)
    {
        var batches = WriteWork.Prepare(context, Events(context)).Chunk(BatchSize).ToArray();
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
