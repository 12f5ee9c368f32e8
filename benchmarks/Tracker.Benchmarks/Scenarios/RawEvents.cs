using Npgsql;
using NpgsqlTypes;

namespace Tracker.Benchmarks.Scenarios;

/// <summary>The baseline's table: shaped like mt_events (sequence key, stream, version unique per stream, jsonb body, type, time).</summary>
public static class RawEvents
{
    public const string Ddl = """
        create schema if not exists bench;
        create table if not exists bench.raw_events (
            seq_id    bigserial primary key,
            id        uuid not null,
            stream_id varchar not null,
            version   bigint not null,
            data      jsonb not null,
            type      varchar(500) not null,
            timestamp timestamptz not null default now(),
            unique (stream_id, version));
        """;

    private static long _version;

    public const string Insert = "insert into bench.raw_events (id, stream_id, version, data, type) values ($1, $2, $3, $4, $5)";

    public static NpgsqlBatchCommand Command(WriteItem item) => new(Insert)
    {
        Parameters =
        {
            new() { Value = Guid.CreateVersion7() },
            new() { Value = item.StreamId },
            new() { Value = Interlocked.Increment(ref _version) },
            new() { Value = item.EventJson, NpgsqlDbType = NpgsqlDbType.Jsonb },
            new() { Value = item.EventType },
        },
    };
}
