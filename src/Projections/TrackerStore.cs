using JasperFx.Events;
using JasperFx.Events.Projections;
using Marten;
using Tracker.Domain.Authorities;
using Tracker.Domain.Common;
using Tracker.Projections.CurrentGrades;
using Tracker.Projections.Facts;
using Tracker.Projections.National;
using Weasel.Core;

namespace Tracker.Projections;

/// <summary>The one place where Tracker's event store, documents and every projection with its lifecycle are registered.</summary>
public static class TrackerStore
{
    public const string Schema = "tracker";

    /// <summary>Projection names the rebuild command accepts (Marten's names for them).</summary>
    public static readonly string[] RebuildableProjections =
        ["AuthorityStanding", "Authority", KnownFactsProjection.ProjectionName, GradePictureProjection.ProjectionName];

    public static async Task<int> CountDocumentsAsync(IQuerySession session, string projection, CancellationToken ct) => projection switch
    {
        "AuthorityStanding" => await session.Query<AuthorityStanding>().CountAsync(ct),
        GradePictureProjection.ProjectionName => await session.Query<GradeDelta>().CountAsync(ct),
        KnownFactsProjection.ProjectionName => await session.Query<KnownFact>().CountAsync(ct),
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
        // What is known of each fact, by authority and fact id: inline, so duplicates are caught in the appending
        // transaction, and apart from the snapshot, so the snapshot does not grow with the stream.
        opts.Projections.Add(new KnownFactsProjection(), ProjectionLifecycle.Inline, KnownFactsProjection.ProjectionName, RebuildInBulk);
        opts.Schema.For<KnownFact>();
        opts.Schema.For<Authority>()
            .Duplicate(a => a.Urn!)
            .Duplicate(a => a.GssCode!)
            .Duplicate(a => a.Slug);

        // Read models. The standing is inline so a writer reads its own write, and it keeps only reports, so it does
        // not grow with metrics and findings. The timeline is live (Timeline.Fold over the stream on read). Neighbour
        // pictures are computed from the standings at query time (see docs/read-models.md).
        opts.Projections.Add(new AuthorityStandingProjection(), ProjectionLifecycle.Inline, RebuildInBulk);
        opts.Projections.RebuildWithBulkCopy = true;

        // National and regional pictures as at any date: per-day grade changes per scope, summed up to asOf on read.
        // Async because the daemon must be the only writer of the shared per-day rows; a rebuild tears down all three types.
        opts.Projections.Add(new GradePictureProjection(), ProjectionLifecycle.Async, GradePictureProjection.ProjectionName, async =>
        {
            async.DeleteViewTypeOnTeardown<GradeContribution>();
            async.DeleteViewTypeOnTeardown<GradeDelta>();
            async.DeleteViewTypeOnTeardown<GradeScope>();
        });
        opts.Schema.For<GradeContribution>();
        opts.Schema.For<GradeScope>();
        opts.Schema.For<GradeDelta>().Duplicate(d => d.Scope).Duplicate(d => d.Day);
        // (scope, day): a read takes its ~60 rows by three index range scans, whatever the table size. A duplicated
        // field's index ignores extra columns, so the composite index is added to the mapping directly.
        opts.Policies.ForAllDocuments(mapping =>
        {
            if (mapping.DocumentType == typeof(GradeDelta)) mapping.Indexes.Add(new Marten.Schema.DocumentIndex(mapping, "scope", "day"));
        });
        // Wake the daemon on append (LISTEN/NOTIFY) instead of waiting for its next poll: append-to-visible lag.
        opts.Events.UseListenNotifyForEventAppends = true;

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
