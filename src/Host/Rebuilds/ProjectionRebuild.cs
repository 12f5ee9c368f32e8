using System.Diagnostics;
using Marten;
using Tracker.Projections;
using Tracker.Projections.National;

namespace Tracker.Host.Rebuilds;

/// <summary>
/// Rebuilds projections from the event store, reporting as it goes. The projections are independent of each other
/// (each folds the authority streams into its own documents: Authority and AuthorityStanding per stream, GradePicture
/// its contributions, rows and scopes; none reads another's documents), so all of them rebuild at once: while one
/// waits on PostgreSQL, another folds. Authority and AuthorityStanding go through Marten's daemon rebuild (each
/// stream folded once per flush window, written by COPY: TrackerStore.RebuildInBulk); GradePicture through
/// <see cref="GradePictureRebuild"/>, except beside live nodes (<c>--force</c>): the one-pass rebuild sets the shard's
/// progress itself and could pass an event a live writer has not committed yet, so there the daemon's own rebuild,
/// which waits out sequence gaps, is used.
/// </summary>
public static class ProjectionRebuild
{
    public sealed record Summary(string Projection, long EventsRead, int Documents, TimeSpan Took);

    public static async Task<IReadOnlyList<Summary>> RunAsync(IDocumentStore store, string? name, Action<string> progress,
        CancellationToken ct, bool besideLiveNodes = false)
    {
        var names = name is null ? TrackerStore.RebuildableProjections
            : TrackerStore.RebuildableProjections.Where(n => string.Equals(n, name, StringComparison.OrdinalIgnoreCase)).ToArray();
        if (names.Length == 0)
            throw new ArgumentException($"Unknown projection '{name}'. Known: {string.Join(", ", TrackerStore.RebuildableProjections)}.");

        // Held to the end: a node's ProjectionWatchdog leaves a projection alone while its rebuild runs.
        await using var rebuilding = await RebuildLock.TakeAsync(store, ct);
        long events;
        await using (var session = store.QuerySession())
            events = await session.Events.QueryAllRawEvents().CountAsync(ct);
        using var daemon = await store.BuildProjectionDaemonAsync();
        var report = new Progress(progress);
        var rebuilds = names.Select((projection, i) => Task.Run(async () =>
        {
            var label = $"[{i + 1}/{names.Length}] {projection}";
            report.Say($"{label}: replaying {events} events...");
            var clock = Stopwatch.StartNew();
            long read = events;
            int documents;
            if (projection == GradePictureProjection.ProjectionName && !besideLiveNodes)
                (read, documents) = await GradePictureRebuild.RunAsync(store, ct);
            else
            {
                await daemon.RebuildProjectionAsync(projection, TimeSpan.FromMinutes(10), ct);
                await using var session = store.QuerySession();
                documents = await TrackerStore.CountDocumentsAsync(session, projection, ct);
            }
            report.Say($"{label}: done, {documents} documents in {clock.Elapsed.TotalSeconds:0.0} s.");
            return new Summary(projection, read, documents, clock.Elapsed);
        }, ct)).ToList();
        return await Task.WhenAll(rebuilds);
    }

    /// <summary>The rebuilds report from several threads; the caller's sink (a list, the console) sees one line at a time.</summary>
    private sealed class Progress(Action<string> sink)
    {
        private readonly Lock _gate = new();

        public void Say(string line)
        {
            lock (_gate) sink(line);
        }
    }
}
