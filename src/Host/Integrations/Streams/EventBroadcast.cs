using System.Runtime.CompilerServices;
using Marten;

namespace Tracker.Host.Integrations;

/// <summary>
/// The node's one reader for event streams: while any stream is open it polls the feed every
/// <see cref="IntegrationOptions.StreamPoll"/> and keeps the newest events in memory; each stream takes its events from
/// there and waits for the next poll. So the store sees one poll loop per node, however many clients listen. A stream
/// that resumes from further back than the buffer reads those pages from the store once, then joins the buffer.
/// </summary>
public sealed class EventBroadcast(IDocumentStore store, EventFeed feed, IntegrationOptions options, ILogger<EventBroadcast> log)
    : BackgroundService
{
    /// <summary>About a minute of a busy import; a client further behind catches up from the store.</summary>
    public const int BufferLimit = 2_000;

    private readonly object _gate = new();
    private readonly List<CloudEvent> _buffer = [];
    private FeedPosition _from; // everything after _from, up to _head, is in _buffer
    private FeedPosition _head;
    private bool _ready;
    private int _listeners;
    private TaskCompletionSource _moved = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>The events after <paramref name="after"/> that pass the filter, live, until the caller cancels.</summary>
    public async IAsyncEnumerable<CloudEvent> ReadAsync(FeedFilter filter, FeedPosition after,
        [EnumeratorCancellation] CancellationToken ct)
    {
        lock (_gate) _listeners++;
        try
        {
            await EnsureStartedAsync(ct);
            while (!ct.IsCancellationRequested)
            {
                Task moved;
                List<CloudEvent>? items = null;
                lock (_gate)
                {
                    moved = _moved.Task;
                    if (!(after < _from))
                    {
                        items = _buffer.Where(e => e.Sequence > after && filter.Accepts(e)).ToList();
                        if (_head > after) after = _head;
                    }
                }
                if (items is null)
                {
                    var page = await CatchUpAsync(filter, after, ct);
                    foreach (var e in page?.Items ?? []) yield return e;
                    // Nothing read (a snapshot being rebuilt, or the store is behind the buffer): wait for the poller.
                    if (page is null || page.Next == after) { if (!await WaitAsync(moved, ct)) yield break; }
                    else after = page.Next;
                    continue;
                }
                foreach (var e in items) yield return e;
                if (!await WaitAsync(moved, ct)) yield break;
            }
        }
        finally
        {
            lock (_gate)
            {
                // The last listener gone: forget the buffer, so the next one starts from the store's current state
                // (in tests the store is wiped between streams, and old positions would otherwise be served again).
                if (--_listeners == 0)
                {
                    _ready = false;
                    _buffer.Clear();
                }
            }
        }
    }

    private async Task EnsureStartedAsync(CancellationToken ct)
    {
        lock (_gate)
            if (_ready) return;
        await using var session = store.QuerySession();
        var start = FeedPosition.AfterAllOf(await HighWaterMark.ReadAsync(session, ct));
        lock (_gate)
        {
            if (_ready) return;
            _buffer.Clear();
            (_from, _head, _ready) = (start, start, true);
        }
    }

    private async Task<FeedPage?> CatchUpAsync(FeedFilter filter, FeedPosition after, CancellationToken ct)
    {
        try
        {
            await using var session = store.QuerySession();
            return await feed.ReadAsync(session, filter, after, EventFeed.MaxLimit, ct);
        }
        catch (SnapshotMissingException)
        {
            return null; // hold the stream here rather than skip the event
        }
    }

    private async Task<bool> WaitAsync(Task moved, CancellationToken ct)
    {
        try
        {
            // The timeout only bounds a wait on a poller that has stopped; normally the next poll wakes us.
            await moved.WaitAsync(options.StreamPoll * 8, ct);
        }
        catch (TimeoutException) { }
        catch (OperationCanceledException) { return false; }
        return true;
    }

    protected override async Task ExecuteAsync(CancellationToken stopping)
    {
        while (!stopping.IsCancellationRequested)
        {
            var more = false;
            bool listening;
            lock (_gate) listening = _listeners > 0 && _ready;
            if (listening)
            {
                try { more = await PollAsync(stopping); }
                catch (SnapshotMissingException) { } // held: the next poll reads the same page again
                catch (Exception e) when (!stopping.IsCancellationRequested)
                {
                    log.LogWarning(e, "The event stream reader could not read the feed; it tries again shortly.");
                }
            }
            if (more) continue;
            try { await Task.Delay(options.StreamPoll, stopping); }
            catch (OperationCanceledException) { return; }
        }
    }

    /// <summary>Reads one page after the head; true when the page was full (read again at once).</summary>
    private async Task<bool> PollAsync(CancellationToken ct)
    {
        FeedPosition head;
        lock (_gate) head = _head;
        await using var session = store.QuerySession();
        var page = await feed.ReadAsync(session, FeedFilter.Everything, head, EventFeed.MaxLimit, ct);
        lock (_gate)
        {
            // Every listener left (and perhaps a new one started afresh) while this page was read: it is stale.
            if (!_ready || _head != head) return false;
            if (page.HighWaterMark < head.FullyRead)
            {
                // The store went back (its data was reset, in tests): start again from its beginning.
                _buffer.Clear();
                _from = _head = FeedPosition.AfterAllOf(0);
            }
            else if (page.Next > head)
            {
                _buffer.AddRange(page.Items);
                _head = page.Next;
                if (_buffer.Count > BufferLimit)
                {
                    var drop = _buffer.Count - BufferLimit;
                    _from = _buffer[drop - 1].Sequence;
                    _buffer.RemoveRange(0, drop);
                }
            }
            else return false;
            var moved = _moved;
            _moved = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            moved.SetResult();
        }
        return page.Next.FullyRead < page.HighWaterMark;
    }
}
