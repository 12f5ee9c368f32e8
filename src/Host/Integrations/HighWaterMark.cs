using Marten;
using Tracker.Projections;

namespace Tracker.Host.Integrations;

/// <summary>
/// The highest sequence below which every event has either committed or is known never to commit. It is the async
/// daemon's own mark (row HighWaterMark in mt_event_progression): its detector waits for in-flight sequences and only
/// skips a gap once it is stale (a rolled-back append in Quick mode), so readers stopping here never skip a late commit.
/// </summary>
public static class HighWaterMark
{
    public static async Task<long> ReadAsync(IQuerySession session, CancellationToken ct)
    {
        var marks = await session.AdvancedSql.QueryAsync<long>(
            $"select last_seq_id from {TrackerStore.Schema}.mt_event_progression where name = 'HighWaterMark'", ct);
        return marks.Count == 0 ? 0 : marks[0];
    }
}
