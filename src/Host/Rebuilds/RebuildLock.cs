using Marten;
using Npgsql;

namespace Tracker.Host.Rebuilds;

/// <summary>
/// A PostgreSQL advisory lock held for as long as a rebuild runs, so a node's projection watchdog can tell a projection
/// being rebuilt (its progress reset and silent, which must be left alone) from one left paused afterwards (to restart).
/// </summary>
public static class RebuildLock
{
    /// <summary>"trkrbl" in ASCII; no other lock of Tracker's, Marten's (4004) or Wolverine's (4006) uses it.</summary>
    private const long Id = 0x74_72_6b_72_62_6c;

    public static async Task<IAsyncDisposable> TakeAsync(IDocumentStore store, CancellationToken ct)
    {
        var connection = await OpenAsync(store, ct);
        await using var take = new NpgsqlCommand("select pg_advisory_lock(@id)", connection) { CommandTimeout = 0 };
        take.Parameters.AddWithValue("id", Id);
        await take.ExecuteNonQueryAsync(ct);
        return new Held(connection);
    }

    public static async Task<bool> IsHeldAsync(IDocumentStore store, CancellationToken ct)
    {
        await using var connection = await OpenAsync(store, ct);
        await using var held = new NpgsqlCommand(
            "select exists(select 1 from pg_locks where locktype = 'advisory' and objsubid = 1 " +
            "and ((classid::bigint << 32) | objid::bigint) = @id)", connection);
        held.Parameters.AddWithValue("id", Id);
        return (bool)(await held.ExecuteScalarAsync(ct))!;
    }

    private static async Task<NpgsqlConnection> OpenAsync(IDocumentStore store, CancellationToken ct)
    {
        var connection = ((Weasel.Postgresql.PostgresqlDatabase)store.Storage.Database).CreateConnection();
        await connection.OpenAsync(ct);
        return connection;
    }

    /// <summary>Unlocks explicitly: a pooled connection is only reset when next used, so closing it would keep the lock.</summary>
    private sealed class Held(NpgsqlConnection connection) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            try
            {
                await using var release = new NpgsqlCommand("select pg_advisory_unlock(@id)", connection);
                release.Parameters.AddWithValue("id", Id);
                await release.ExecuteNonQueryAsync();
            }
            finally
            {
                await connection.DisposeAsync();
            }
        }
    }
}
