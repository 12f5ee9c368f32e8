using System.Text.Json;
using Tracker.Benchmarks.Data;
using Tracker.Domain.Authorities;
using Tracker.Domain.Common;
using Tracker.Domain.Metrics;

namespace Tracker.Benchmarks.Scenarios;

/// <summary>One new fact to write: the command Tracker receives, its HTTP body, and the event JSON the baseline inserts.</summary>
public sealed record WriteItem(string StreamId, RecordMetric Command, string Body, string EventJson, string EventType);

/// <summary>Prepares a round's writes before the clock starts, so neither side pays for generating them.</summary>
public static class WriteWork
{
    /// <summary>
    /// <paramref name="count"/> new metric observations on distinct streams (a stride walk over the dataset), so
    /// concurrent writers rarely meet on one stream. Each has a unique source, so none is an idempotent repeat.
    /// </summary>
    public static WriteItem[] Prepare(BenchContext context, int count)
    {
        var rng = new Random(HashCode.Combine(context.Options.Seed, context.Round, count, context.NextUnique()));
        var streams = context.Dataset.StreamCount;
        var start = rng.Next(streams);
        var stride = streams > 7919 ? 7919 : 1;
        var serializer = context.Store.Options.Serializer();
        var recorded = new Recorded("bench:writer", SyntheticDataset.RecordedAt);
        var items = new WriteItem[count];
        for (var i = 0; i < count; i++)
        {
            var index = (int)((start + (long)i * stride) % streams);
            var id = SyntheticDataset.StreamId(index);
            var command = new FactFactory(rng, id, index).Metric(1_000_000 + context.NextUnique());
            var e = command.Decide(new Authority { Id = id, Name = id }, recorded).Single();
            items[i] = new WriteItem(id, command, JsonSerializer.Serialize(command.Observation, context.HttpJson),
                serializer.ToJson(e), "metric_observed");
        }
        return items;
    }
}
