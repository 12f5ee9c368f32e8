using Marten;
using Npgsql;

namespace Tracker.Host.Integrations.Webhooks;

/// <summary>
/// One pump at a time per subscription and authority across every node. The sequential local queue guarantees that on
/// one node only; with several nodes a pump queued on the node that ran the relay before Wolverine moved it, or one
/// recovered from a dead node's inbox, could otherwise send the same delivery alongside the new node's pump. A
/// PostgreSQL advisory lock on a connection of its own: if the node dies, the server drops the lock with the connection.
/// </summary>
public sealed class PumpLock : IAsyncDisposable
{
    private readonly NpgsqlConnection _connection;
    private readonly string _key;

    private PumpLock(NpgsqlConnection connection, string key) => (_connection, _key) = (connection, key);

    public static async Task<PumpLock> AcquireAsync(IDocumentStore store, PumpWebhooks pump, CancellationToken ct)
    {
        var key = $"tracker-pump:{pump.SubscriptionId:N}:{pump.Authority}";
        var connection = store.Storage.Database.CreateConnection();
        try
        {
            await connection.OpenAsync(ct);
            await using var command = new NpgsqlCommand("select pg_advisory_lock(hashtextextended(@key, 0))", connection);
            command.Parameters.AddWithValue("key", key);
            await command.ExecuteNonQueryAsync(ct);
            return new PumpLock(connection, key);
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            await using var command = new NpgsqlCommand("select pg_advisory_unlock(hashtextextended(@key, 0))", _connection);
            command.Parameters.AddWithValue("key", _key);
            await command.ExecuteNonQueryAsync();
        }
        catch (NpgsqlException) { } // the connection is gone, and the lock with it
        finally
        {
            await _connection.DisposeAsync();
        }
    }
}
