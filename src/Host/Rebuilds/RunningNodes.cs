using Marten;
using Tracker.Projections;

namespace Tracker.Host.Rebuilds;

/// <summary>
/// Host nodes alive on this database, read from what Wolverine records: each node has a row in wolverine_nodes whose
/// health_check it refreshes every few seconds and deletes on a clean stop. A row whose heartbeat is older than the
/// stale-node timeout is a killed node that Wolverine has not swept yet, so it does not count. The database's clock
/// judges the age, so a skewed client clock cannot hide a live node.
/// </summary>
public static class RunningNodes
{
    private const string Table = TrackerStore.Schema + ".wolverine_nodes";

    /// <summary>One line per live node: its number, description and the age of its last heartbeat.</summary>
    public static async Task<IReadOnlyList<string>> LiveAsync(IDocumentStore store, TimeSpan staleAfter, CancellationToken ct)
    {
        await using var session = store.QuerySession();
        // A database no node ever ran on (or a mediator-only one) has no node table at all.
        var exists = await session.AdvancedSql.QueryAsync<bool>("select to_regclass(?) is not null", ct, Table);
        if (!exists[0]) return [];
        return await session.AdvancedSql.QueryAsync<string>(
            "select format('node %s (%s), last heartbeat %s s ago', node_number, coalesce(description, uri), " +
            "round(extract(epoch from now() - health_check)::numeric, 1)) " +
            $"from {Table} where health_check > now() - make_interval(secs => ?) order by node_number",
            ct, staleAfter.TotalSeconds);
    }

    /// <summary>Why a rebuild must not run now, or null when no node is alive.</summary>
    public static string? Refusal(IReadOnlyList<string> live) => live.Count == 0 ? null :
        $"Refusing to rebuild: {live.Count} Tracker node(s) are running against this database " +
        $"({string.Join("; ", live)}). Their async daemon and integration relay read the projections being torn down " +
        "(a missing Authority snapshot holds the feed and webhooks until the rebuild ends). Stop the nodes first, or " +
        "run again with --force to rebuild beside them.";
}
