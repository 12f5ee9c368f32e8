using JasperFx.Events;
using Marten;
using Tracker.Domain.Common;
using Tracker.Projections.Authorities;
using Tracker.Projections.CurrentGrades;
using Tracker.Projections.Timelines;

namespace Tracker.Projections.Common;

/// <summary>
/// Loads read models as known at a moment: the stored inline documents for "now", or the same pure folds over the events
/// Marten had stored by <c>knownAt</c> (event timestamp on or before it), so that a later backfill never changes the answer.
/// </summary>
public static class ReadModels
{
    public static async Task<string> ResolveAsync(IQuerySession session, string authority, CancellationToken ct) =>
        await AuthorityKeys.ResolveAsync(session, authority, ct) ?? throw Rejection.UnknownAuthority(authority);

    /// <summary>The standing addressed by any identifier; a stream key is tried first so the common read is one query.</summary>
    public static async Task<AuthorityStanding> StandingOfAsync(IQuerySession session, string authority, DateTimeOffset? knownAt, CancellationToken ct)
    {
        if (knownAt is null && AuthorityKeys.LooksLikeStreamKey(authority) && await session.LoadAsync<AuthorityStanding>(authority, ct) is { } direct)
            return direct;
        return await StandingAsync(session, await ResolveAsync(session, authority, ct), knownAt, ct);
    }

    public static async Task<AuthorityStanding> StandingAsync(IQuerySession session, string id, DateTimeOffset? knownAt, CancellationToken ct)
    {
        var standing = knownAt is null
            ? await session.LoadAsync<AuthorityStanding>(id, ct)
            : AuthorityStanding.Fold(id, (await session.Events.FetchStreamAsync(id, timestamp: knownAt, token: ct)).Select(e => e.Data));
        return standing ?? throw new Rejection(RejectionKind.NotFound, "Not known then", $"Tracker had not registered authority {id} by {knownAt:O}.");
    }

    public static async Task<IReadOnlyList<AuthorityStanding>> AllStandingsAsync(IQuerySession session, DateTimeOffset? knownAt, CancellationToken ct)
    {
        if (knownAt is null) return await session.Query<AuthorityStanding>().ToListAsync(ct);
        var events = await session.Events.QueryAllRawEvents().Where(e => e.Timestamp <= knownAt.Value).OrderBy(e => e.Sequence).ToListAsync(ct);
        return events.GroupBy(e => e.StreamKey!)
            .Select(g => AuthorityStanding.Fold(g.Key, g.Select(e => e.Data)))
            .OfType<AuthorityStanding>().ToList();
    }

    /// <summary>The given authorities' standings (unknown ones left out), in the order asked, without loading any other.</summary>
    public static async Task<IReadOnlyList<AuthorityStanding>> StandingsAsync(IQuerySession session, IReadOnlyList<string> ids, DateTimeOffset? knownAt, CancellationToken ct)
    {
        if (ids.Count == 0) return [];
        IEnumerable<AuthorityStanding> found;
        if (knownAt is null) found = await session.LoadManyAsync<AuthorityStanding>(ct, ids.ToArray());
        else
        {
            var wanted = ids.ToArray();
            var events = await session.Events.QueryAllRawEvents()
                .Where(e => e.Timestamp <= knownAt.Value && e.StreamKey.IsOneOf(wanted)).OrderBy(e => e.Sequence).ToListAsync(ct);
            found = events.GroupBy(e => e.StreamKey!).Select(g => AuthorityStanding.Fold(g.Key, g.Select(e => e.Data))).OfType<AuthorityStanding>();
        }
        var byId = found.ToDictionary(s => s.Id, StringComparer.Ordinal);
        return ids.Select(byId.GetValueOrDefault).OfType<AuthorityStanding>().ToList();
    }

    public static async Task<IReadOnlyList<TimelineEntry>> TimelineAsync(IQuerySession session, string id, DateTimeOffset? knownAt, CancellationToken ct)
    {
        var events = await session.Events.FetchStreamAsync(id, timestamp: knownAt, token: ct);
        return Timeline.Fold(id, events.Select(e => e.Data));
    }
}
