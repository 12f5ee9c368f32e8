using JasperFx.Events;
using Marten;
using Marten.Events;
using Tracker.Domain.Common;
using Tracker.Host.Authorities;
using Tracker.Projections.Authorities;

namespace Tracker.Host.Integrations;

/// <summary>Filters shared by the pull feed and the event stream.</summary>
public sealed record FeedFilter(IReadOnlyCollection<string> Types, string? Authority)
{
    public static async Task<FeedFilter> ParseAsync(IQuerySession session, string? type, string? authority, CancellationToken ct)
    {
        if (type is not null && string.IsNullOrWhiteSpace(type))
            throw Rejection.Invalid(new Dictionary<string, string[]>
            {
                ["type"] = ["must name at least one type; omit it for every type."],
            });
        var types = (type ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var unknown = types.Where(t => !CloudEventTypes.All.Contains(t)).ToArray();
        if (unknown.Length > 0)
            throw Rejection.Invalid(new Dictionary<string, string[]>
            {
                ["type"] = [$"Unknown type(s) {string.Join(", ", unknown)}; known: {string.Join(", ", CloudEventTypes.All)}."],
            });
        string? key = null;
        if (!string.IsNullOrWhiteSpace(authority))
            key = await AuthorityKeys.ResolveAsync(session, authority, ct) ?? throw Rejection.UnknownAuthority(authority);
        return new FeedFilter(types, key);
    }

    public static readonly FeedFilter Everything = new([], null);

    public bool Matches(CloudEvent e) => Types.Count == 0 || Types.Contains(e.Type);

    /// <summary>Both filters, for events read unfiltered (the node's one stream reader).</summary>
    public bool Accepts(CloudEvent e) => Matches(e) && (Authority is null || e.Data.Authority.DfeCode == Authority);
}

/// <summary>
/// A page of the feed. <c>Next</c> is the cursor to pass as <c>after</c>: after everything the last stored event read
/// published, even if filtered out. <c>HighWaterMark</c> is a stored sequence, not a cursor.
/// </summary>
public sealed record FeedPage(IReadOnlyList<CloudEvent> Items, FeedPosition Next, long HighWaterMark);

/// <summary>Reads integration events in feed-position order, never past the high-water mark.</summary>
public sealed class EventFeed(CloudEventMapper mapper)
{
    public const int MaxLimit = 500;

    private long _reads;

    /// <summary>How many pages this node has read from the store (tests and diagnostics).</summary>
    public long Reads => Interlocked.Read(ref _reads);

    public async Task<FeedPage> ReadAsync(IQuerySession session, FeedFilter filter, FeedPosition after, int limit, CancellationToken ct)
    {
        Interlocked.Increment(ref _reads);
        var mark = await HighWaterMark.ReadAsync(session, ct);
        // Resuming between an inspection and its grade change re-reads that stored event, and keeps only what follows.
        var from = after.FullyRead;
        if (from >= mark) return new FeedPage([], after, mark);
        var sources = filter.Types.Count == 0 ? CloudEventTypes.ByEvent.Keys.ToArray() : CloudEventTypes.SourcesOf(filter.Types);
        var query = session.Events.QueryAllRawEvents().Where(e => e.Sequence > from && e.Sequence <= mark && e.EventTypesAre(sources));
        if (filter.Authority is { } key) query = query.Where(e => e.StreamKey == key);
        var events = await query.OrderBy(e => e.Sequence).Take(limit).ToListAsync(ct);
        // A short page means everything up to the mark has been read, matching or not.
        var next = FeedPosition.AfterAllOf(events.Count < limit ? mark : events[^1].Sequence);
        var items = await mapper.MapAsync(session, events, ct);
        return new FeedPage(items.Where(e => e.Sequence > after && filter.Matches(e)).ToList(), next, mark);
    }
}
