using Marten;
using Tracker.Projections;

namespace Tracker.Benchmarks.Infra;

/// <summary>A document store configured exactly as the Host configures it (TrackerStore.ConfigureTracker).</summary>
public static class TrackerStoreFactory
{
    public static DocumentStore Create(string connectionString) => DocumentStore.For(opts =>
    {
        opts.Connection(connectionString);
        opts.ConfigureTracker();
    });
}
