namespace Tracker.Host.Integrations;

/// <summary>
/// Counts the event streams each caller holds open on this node, so one caller cannot tie up the node's connections
/// (each stream holds one for as long as the client likes). The limit is per node: behind a load balancer a caller may
/// hold up to this many on each node.
/// </summary>
public sealed class StreamSlots(IntegrationOptions options)
{
    private readonly Dictionary<string, int> _open = new(StringComparer.Ordinal);

    /// <summary>Anonymous callers are counted per address (<c>ip:…</c>), with their own, larger, limit.</summary>
    public int LimitFor(string caller) =>
        caller.StartsWith("ip:", StringComparison.Ordinal) ? options.MaxStreamsPerAddress : options.MaxStreamsPerCaller;

    /// <summary>A slot to release when the stream ends, or null when the caller already holds its limit.</summary>
    public IDisposable? TryTake(string caller)
    {
        lock (_open)
        {
            var held = _open.GetValueOrDefault(caller);
            if (held >= LimitFor(caller)) return null;
            _open[caller] = held + 1;
        }
        return new Slot(this, caller);
    }

    private void Release(string caller)
    {
        lock (_open)
        {
            if (_open.GetValueOrDefault(caller) <= 1) _open.Remove(caller);
            else _open[caller]--;
        }
    }

    private sealed class Slot(StreamSlots slots, string caller) : IDisposable
    {
        private int _released;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _released, 1) == 0) slots.Release(caller);
        }
    }
}
