namespace Tracker.Host.Integrations;

/// <summary>
/// An event's authority has no snapshot document, as during a live <c>rebuild Authority</c> (the teardown deletes
/// them). A CloudEvent cannot be built without it, and leaving the event out would let the relay's progress, or a
/// feed reader's cursor, move past it for good. So mapping fails instead: the relay retries the page (the daemon
/// pauses the subscription after repeated failures and the watchdog restarts it), the feed answers 503.
/// </summary>
public sealed class SnapshotMissingException(string authority, long sequence)
    : Exception($"The snapshot of authority '{authority}' is missing (event sequence {sequence}); " +
        "is the Authority projection being rebuilt? The event will be published once the snapshot is back.")
{
    public string Authority { get; } = authority;
    public long Sequence { get; } = sequence;
}
