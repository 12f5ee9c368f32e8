using System.Diagnostics;
using JasperFx.Events;
using Marten;

namespace Tracker.Benchmarks.Data;

public sealed record SeedSummary(int Streams, long Events, TimeSpan Elapsed);

/// <summary>Loads a synthetic dataset with Marten's COPY-based BulkInsertEventsAsync, chunk by chunk, printing progress.</summary>
public static class Seeder
{
    private const int StreamsPerChunk = 5_000;

    public static async Task<SeedSummary> SeedAsync(IDocumentStore store, SyntheticDataset dataset, Action<string> log, CancellationToken ct)
    {
        var clock = Stopwatch.StartNew();
        var registry = (IEventRegistry)store.Options.Events;
        var chunk = new List<StreamAction>(StreamsPerChunk);
        long events = 0;
        var streams = 0;
        var lastReport = TimeSpan.Zero;
        foreach (var stream in dataset.Streams())
        {
            chunk.Add(StreamAction.Start(registry, stream.Id, [.. stream.Events]));
            events += stream.Events.Count;
            streams++;
            if (chunk.Count < StreamsPerChunk) continue;
            await store.BulkInsertEventsAsync(chunk, cancellation: ct);
            chunk.Clear();
            if (clock.Elapsed - lastReport > TimeSpan.FromSeconds(5))
            {
                lastReport = clock.Elapsed;
                log($"  seeded {events:N0}/{dataset.Size:N0} events ({streams:N0} streams, {events / clock.Elapsed.TotalSeconds:N0} ev/s)");
            }
        }
        if (chunk.Count > 0) await store.BulkInsertEventsAsync(chunk, cancellation: ct);
        var summary = new SeedSummary(streams, events, clock.Elapsed);
        log($"  seeded {summary.Events:N0} events in {summary.Streams:N0} streams in {summary.Elapsed.TotalSeconds:N1} s");
        return summary;
    }
}
