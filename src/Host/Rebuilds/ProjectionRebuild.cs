using System.Diagnostics;
using Marten;
using Tracker.Projections;

namespace Tracker.Host.Rebuilds;

/// <summary>Rebuilds projections from the event store through Marten's projection daemon, reporting as it goes.</summary>
public static class ProjectionRebuild
{
    public sealed record Summary(string Projection, long EventsRead, int Documents, TimeSpan Took);

    public static async Task<IReadOnlyList<Summary>> RunAsync(IDocumentStore store, string? name, Action<string> progress, CancellationToken ct)
    {
        var names = name is null ? TrackerStore.RebuildableProjections
            : TrackerStore.RebuildableProjections.Where(n => string.Equals(n, name, StringComparison.OrdinalIgnoreCase)).ToArray();
        if (names.Length == 0)
            throw new ArgumentException($"Unknown projection '{name}'. Known: {string.Join(", ", TrackerStore.RebuildableProjections)}.");

        // Held to the end: a node's ProjectionWatchdog leaves a projection alone while its rebuild runs.
        await using var rebuilding = await RebuildLock.TakeAsync(store, ct);
        await using var session = store.QuerySession();
        var events = await session.Events.QueryAllRawEvents().CountAsync(ct);
        using var daemon = await store.BuildProjectionDaemonAsync();
        var summaries = new List<Summary>();
        for (var i = 0; i < names.Length; i++)
        {
            progress($"[{i + 1}/{names.Length}] {names[i]}: replaying {events} events...");
            var clock = Stopwatch.StartNew();
            await daemon.RebuildProjectionAsync(names[i], TimeSpan.FromMinutes(10), ct);
            var documents = await TrackerStore.CountDocumentsAsync(session, names[i], ct);
            summaries.Add(new Summary(names[i], events, documents, clock.Elapsed));
            progress($"[{i + 1}/{names.Length}] {names[i]}: done, {documents} documents in {clock.Elapsed.TotalSeconds:0.0} s.");
        }
        return summaries;
    }
}
