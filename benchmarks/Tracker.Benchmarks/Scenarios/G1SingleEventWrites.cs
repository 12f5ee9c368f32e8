using System.Diagnostics;
using System.Net.Http.Headers;
using System.Text;

namespace Tracker.Benchmarks.Scenarios;

/// <summary>One event per command: POST /metrics on the real Host (HTTP → Wolverine handler → decide → append → inline snapshot).</summary>
public sealed class G1SingleEventWrites : IScenario
{
    private const int Writers = 16;

    public string Id => "G1";
    public string Title => "one event per command, 16 concurrent writers (POST /api/authorities/{a}/metrics on the Host)";
    public string Baseline => "raw single-row INSERT of the same event JSON into an events-shaped table, 16 clients";
    public string Unit => "events/s";
    public Goal Goal => new(GoalKind.RatioAtLeast, 0.30, "≥ 0.30");

    public async Task<Measurement> RunTrackerAsync(BenchContext context, CancellationToken ct)
    {
        var host = await context.HostAsync(ct);
        var items = WriteWork.Prepare(context, context.WritesPerRound);
        using var handler = new SocketsHttpHandler { MaxConnectionsPerServer = Writers };
        using var http = new HttpClient(handler) { BaseAddress = host.BaseAddress, Timeout = TimeSpan.FromMinutes(2) };
        var failures = 0;
        var elapsed = await Workers.RunAsync(items.Length, Writers, async i =>
        {
            var item = items[i];
            using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/authorities/{item.StreamId}/metrics")
            {
                Content = new StringContent(item.Body, Encoding.UTF8, new MediaTypeHeaderValue("application/json")),
            };
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", host.ApiKey);
            using var response = await http.SendAsync(request, ct);
            if ((int)response.StatusCode != 201) Interlocked.Increment(ref failures);
        });
        if (failures > 0) context.Log($"    G1: {failures} of {items.Length} writes did not answer 201");
        return new Measurement((items.Length - failures) / elapsed.TotalSeconds, new Dictionary<string, double> { ["failed"] = failures }, items.Length);
    }

    public async Task<Measurement> RunBaselineAsync(BenchContext context, CancellationToken ct)
    {
        var items = WriteWork.Prepare(context, context.WritesPerRound);
        var elapsed = await Workers.RunAsync(items.Length, Writers, async i =>
        {
            await using var connection = await context.DataSource.OpenConnectionAsync(ct);
            await using var batch = new Npgsql.NpgsqlBatch(connection) { BatchCommands = { RawEvents.Command(items[i]) } };
            await batch.ExecuteNonQueryAsync(ct);
        });
        return new Measurement(items.Length / elapsed.TotalSeconds, Ops: items.Length);
    }
}

/// <summary>Runs <c>count</c> numbered jobs on <c>workers</c> concurrent loops and returns the wall time.</summary>
public static class Workers
{
    public static async Task<TimeSpan> RunAsync(int count, int workers, Func<int, Task> job)
    {
        var next = -1;
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, workers).Select(_ => Task.Run(async () =>
        {
            for (var i = Interlocked.Increment(ref next); i < count; i = Interlocked.Increment(ref next)) await job(i);
        })));
        return clock.Elapsed;
    }
}
