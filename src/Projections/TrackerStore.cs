using JasperFx.Events;
using JasperFx.Events.Projections;
using Marten;
using Tracker.Domain.Authorities;
using Tracker.Domain.Common;
using Tracker.Projections.CurrentGrades;
using Weasel.Core;

namespace Tracker.Projections;

/// <summary>The one place where Tracker's event store, documents and every projection with its lifecycle are registered.</summary>
public static class TrackerStore
{
    public const string Schema = "tracker";

    /// <summary>Projection names the rebuild command accepts (Marten's names for them).</summary>
    public static readonly string[] RebuildableProjections = ["AuthorityStanding", "Authority"];

    public static async Task<int> CountDocumentsAsync(IQuerySession session, string projection, CancellationToken ct) => projection switch
    {
        "AuthorityStanding" => await session.Query<AuthorityStanding>().CountAsync(ct),
        _ => await session.Query<Authority>().CountAsync(ct),
    };

    public static StoreOptions ConfigureTracker(this StoreOptions opts)
    {
        opts.DatabaseSchemaName = Schema;
        opts.UseSystemTextJsonForSerialization(EnumStorage.AsString, Casing.CamelCase, configure: TrackerJson.Configure);

        // One stream per authority, keyed by its DfE code: stable across GSS recodings and Ofsted URN changes.
        opts.Events.StreamIdentity = StreamIdentity.AsString;
        opts.Events.AppendMode = EventAppendMode.Quick;
        opts.Events.AddEventTypes(EventCatalogue.All);

        // Inline: commands read their own writes, and duplicates are caught inside the appending transaction.
        opts.Projections.Snapshot<Authority>(SnapshotLifecycle.Inline, RebuildInBulk);
        opts.Schema.For<Authority>()
            .Duplicate(a => a.Urn!)
            .Duplicate(a => a.GssCode!)
            .Duplicate(a => a.Slug);

        // Read models. The standing is inline so a writer reads its own write, and it keeps only reports, so it does
        // not grow with metrics and findings. The timeline is live (Timeline.Fold over the stream on read). National,
        // regional and neighbour pictures are computed from the standings at query time (see docs/read-models.md).
        opts.Projections.Add(new AuthorityStandingProjection(), ProjectionLifecycle.Inline, RebuildInBulk);
        opts.Projections.RebuildWithBulkCopy = true;

        return opts;
    }

    /// <summary>
    /// Rebuilds read large pages and keep each aggregate's latest state in memory until many are dirty, then write each
    /// once, as a COPY when it is new: per-page upserts made a rebuild cost many times the time to read the events
    /// (benchmark G4). Live inline writes are unaffected.
    /// </summary>
    private static void RebuildInBulk(AsyncOptions options)
    {
        options.BatchSize = 5_000;
        options.RebuildFlushThreshold = 20_000;
    }
}
