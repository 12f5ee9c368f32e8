using JasperFx;
using Marten;
using Tracker.Domain.Authorities;
using Tracker.Domain.Common;

namespace Tracker.Host.Imports;

/// <summary>
/// Writes an import's commands for a chunk of authorities in one session: their write models are loaded in one round
/// trip, every command runs through the same decide function as <see cref="ImportWrites"/>, and each stream is appended
/// with the version it was decided on, so the chunk commits all together or not at all. Inline projections run in the
/// same transaction, exactly as for a single command.
/// </summary>
public static class ChunkWrites
{
    private const int Attempts = 3;

    public static async Task<IReadOnlyDictionary<string, BatchResult>> WriteAsync(IDocumentStore store,
        IReadOnlyDictionary<string, List<PlannedCommand>> chunk, Recorded recorded, ImportProgress progress, CancellationToken ct)
    {
        for (var attempt = 1; attempt <= Attempts; attempt++)
        {
            try
            {
                return await TryWriteAsync(store, chunk, recorded, ct);
            }
            catch (Exception e) when (IsLostRace(e))
            {
                // Someone wrote to one of these authorities after we loaded it: nothing of the chunk was committed,
                // so decide the whole chunk again on what is there now.
            }
        }
        // Still losing races: write the chunk authority by authority, each with its own guarded retries.
        progress($"  a chunk of {chunk.Count} authorities lost {Attempts} races with other writers; writing it one authority at a time.");
        var results = new Dictionary<string, BatchResult>(StringComparer.Ordinal);
        foreach (var (authorityId, commands) in chunk)
            results[authorityId] = await ImportWrites.WriteAsync(store, authorityId, commands, recorded, ct);
        return results;
    }

    private static async Task<IReadOnlyDictionary<string, BatchResult>> TryWriteAsync(IDocumentStore store,
        IReadOnlyDictionary<string, List<PlannedCommand>> chunk, Recorded recorded, CancellationToken ct)
    {
        await using var session = store.LightweightSession();
        // The inline snapshot is committed with its events, so its Version is the stream's version; a lightweight
        // session tracks nothing, so deciding on these copies mutates nothing Marten holds.
        var states = (await session.LoadManyAsync<Authority>(ct, chunk.Keys.ToArray())).ToDictionary(a => a.Id, StringComparer.Ordinal);
        var results = new Dictionary<string, BatchResult>(StringComparer.Ordinal);
        foreach (var (authorityId, commands) in chunk)
        {
            if (!states.TryGetValue(authorityId, out var working)) throw Rejection.UnknownAuthority(authorityId);
            var decidedOn = working.Version;
            var (appended, result) = ImportWrites.DecideAll(working, commands, recorded);
            // The expected version is the one after the append: Marten checks the stream still stands at decidedOn.
            if (appended.Count > 0) session.Events.Append(authorityId, decidedOn + appended.Count, appended.ToArray());
            results[authorityId] = result;
        }
        await session.SaveChangesAsync(ct);
        return results;
    }

    private static bool IsLostRace(Exception e) => e switch
    {
        ConcurrencyException => true,
        AggregateException a => a.InnerExceptions.Count > 0 && a.InnerExceptions.All(IsLostRace),
        _ => e.InnerException is { } inner && IsLostRace(inner),
    };
}
