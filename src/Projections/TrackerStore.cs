using JasperFx.Events;
using JasperFx.Events.Projections;
using Marten;
using Tracker.Domain.Authorities;
using Tracker.Domain.Common;
using Weasel.Core;

namespace Tracker.Projections;

/// <summary>The one place where Tracker's event store, documents and every projection with its lifecycle are registered.</summary>
public static class TrackerStore
{
    public const string Schema = "tracker";

    public static StoreOptions ConfigureTracker(this StoreOptions opts)
    {
        opts.DatabaseSchemaName = Schema;
        opts.UseSystemTextJsonForSerialization(EnumStorage.AsString, Casing.CamelCase, configure: TrackerJson.Configure);

        // One stream per authority, keyed by its DfE code: stable across GSS recodings and Ofsted URN changes.
        opts.Events.StreamIdentity = StreamIdentity.AsString;
        opts.Events.AppendMode = EventAppendMode.Quick;
        opts.Events.AddEventTypes(EventCatalogue.All);

        // Inline: commands read their own writes, and duplicates are caught inside the appending transaction.
        opts.Projections.Snapshot<Authority>(SnapshotLifecycle.Inline);
        opts.Schema.For<Authority>()
            .Duplicate(a => a.Urn!)
            .Duplicate(a => a.GssCode!)
            .Duplicate(a => a.Slug);

        return opts;
    }
}
