using Marten;
using Marten.Schema;
using Npgsql;
using Tracker.Host.Authorities.Registration;
using Tracker.Host.Imports;

namespace Tracker.Host.Hosting;

/// <summary>
/// What a node writes when it starts (the register, then the bundled sources), run by one node at a time. Nodes
/// starting together on an empty database otherwise each registered and imported at once, and the losers of those races
/// failed to start (measured: ExistingStreamIdCollisionException). A PostgreSQL advisory lock, held while the steps run,
/// serialises them; every step is idempotent, so the nodes after the first find the work done and append nothing.
/// </summary>
public sealed class StartupData(IServiceProvider services, IConfiguration configuration, ILogger<StartupData> log) : IInitialData
{
    /// <summary>Any constant no other Tracker lock uses ("trackr" in ASCII); Marten's schema lock is 4004, Wolverine's 4006.</summary>
    private const long LockId = 0x74_72_61_63_6b_72;

    public async Task Populate(IDocumentStore store, CancellationToken ct)
    {
        var steps = new List<IInitialData>();
        if (configuration.GetValue("Tracker:SeedOnStartup", true)) steps.Add(services.GetRequiredService<AuthorityRegistrar>());
        // After the register, so every authority has a stream to import into.
        if (configuration.GetValue("Tracker:ImportBundledDataOnStartup", true))
            steps.Add(services.GetRequiredService<BundledDataImport>());
        if (steps.Count == 0) return;

        // Unpooled: the lock is taken once per start, and an idle pooled connection would outlive a database restart.
        var unpooled = new NpgsqlConnectionStringBuilder(configuration.GetConnectionString("Marten")) { Pooling = false };
        await using var connection = new NpgsqlConnection(unpooled.ConnectionString);
        await connection.OpenAsync(ct);
        await using (var take = new NpgsqlCommand("select pg_try_advisory_lock(@id)", connection))
        {
            take.Parameters.AddWithValue("id", LockId);
            if (!(bool)(await take.ExecuteScalarAsync(ct))!)
            {
                log.LogInformation("Another node is writing the start-up data; waiting for it");
                await using var wait = new NpgsqlCommand("select pg_advisory_lock(@id)", connection) { CommandTimeout = 0 };
                wait.Parameters.AddWithValue("id", LockId);
                await wait.ExecuteNonQueryAsync(ct);
            }
        }
        try
        {
            foreach (var step in steps) await step.Populate(store, ct);
        }
        finally
        {
            await using var release = new NpgsqlCommand("select pg_advisory_unlock(@id)", connection);
            release.Parameters.AddWithValue("id", LockId);
            await release.ExecuteNonQueryAsync(CancellationToken.None);
        }
    }

    /// <summary>How long a starting node waits for another to finish applying the schema (development mode, or
    /// Tracker:ApplySchemaOnStartup) before giving up; Marten's 10 s was too short for three nodes starting on two cores.</summary>
    public static void ConfigureSchemaLock(StoreOptions opts, IConfiguration configuration) =>
        opts.ApplyChangesLockTimeout = configuration.GetValue("Tracker:Schema:ApplyChangesLockTimeout", TimeSpan.FromMinutes(2));
}
