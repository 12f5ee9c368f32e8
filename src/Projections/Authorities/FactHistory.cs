using Marten;
using Tracker.Domain.Common;

namespace Tracker.Projections.Authorities;

/// <summary>One stored event about a fact, with the record-time metadata Marten kept for it.</summary>
public sealed record FactEvent(string Type, long Version, long Sequence, DateTimeOffset Timestamp, object Data);

public static class FactHistory
{
    /// <summary>The fact as first recorded, then every correction or withdrawal of it, in stream order.</summary>
    public static async Task<IReadOnlyList<FactEvent>> LoadAsync(IQuerySession session, string authorityId, string factId, CancellationToken ct)
    {
        var events = await session.Events.FetchStreamAsync(authorityId, token: ct);
        return events.Where(e => e.Data is IFact fact && fact.FactId == factId)
            .Select(e => new FactEvent(e.EventTypeName, e.Version, e.Sequence, e.Timestamp, e.Data))
            .ToList();
    }
}
