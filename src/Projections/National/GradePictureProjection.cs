using JasperFx.Events;
using Marten;
using Marten.Events.Projections;
using Tracker.Domain.Common;

namespace Tracker.Projections.National;

/// <summary>
/// One scope's changes on one day: per area, how many authorities entered (+) or left (-) each grade bucket
/// ([outstanding, good, requires improvement, inadequate, ungraded]). A picture as at D is the sum of its scope's rows
/// with Day on or before D: a few thousand small rows however many authorities there are.
/// </summary>
public sealed class GradeDelta
{
    public string Id { get; set; } = "";
    public string Scope { get; set; } = "";
    public DateOnly Day { get; set; }
    public Dictionary<string, int[]> Counts { get; set; } = new(StringComparer.Ordinal);

    public static string IdFor(string scope, DateOnly day) => $"{scope}|{day:yyyy-MM-dd}";

    public void Add(string area, int bucket, int change)
    {
        if (!Counts.TryGetValue(area, out var counts)) Counts[area] = counts = new int[GradeContribution.Buckets];
        counts[bucket] += change;
        if (counts.All(c => c == 0)) Counts.Remove(area);
    }

    public void AddAll(GradeDelta change)
    {
        foreach (var (area, counts) in change.Counts)
            for (var bucket = 0; bucket < counts.Length; bucket++)
                if (counts[bucket] != 0) Add(area, bucket, counts[bucket]);
    }
}

/// <summary>A scope the pictures can be asked for (England, or a region) and how many authorities belong to it.</summary>
public sealed class GradeScope
{
    public const string England = "england";

    public string Id { get; set; } = "";
    public string? Name { get; set; }
    public string? Code { get; set; }
    public int Members { get; set; }

    /// <summary>
    /// Keyed by name and code together: a region query matches an authority by either (or the name's slug), and the
    /// register has an authority whose code disagrees with its region's name, so a query can span several scopes.
    /// </summary>
    public static string? KeyFor(string? region, string? code) =>
        string.IsNullOrEmpty(region) && string.IsNullOrEmpty(code) ? null : $"region:{region?.ToLowerInvariant()}|{code?.ToLowerInvariant()}";
}

/// <summary>The net change a batch makes to the per-day rows and scope memberships (pure, so tests can replay it in memory).</summary>
public sealed class GradeChanges
{
    public Dictionary<string, GradeDelta> Rows { get; } = new(StringComparer.Ordinal);
    public Dictionary<string, GradeScope> Scopes { get; } = new(StringComparer.Ordinal);

    /// <summary>Takes back the steps of the stored contribution (if any) and adds those of the new one.</summary>
    public void Replace(GradeContribution? before, GradeContribution after)
    {
        if (before is not null) Add(before, -1);
        Add(after, +1);
    }

    private void Add(GradeContribution c, int sign)
    {
        var steps = c.Steps();
        foreach (var scope in c.Scopes())
        {
            if (!Scopes.TryGetValue(scope, out var m)) Scopes[scope] = m = new GradeScope { Id = scope };
            m.Members += sign;
            if (scope != GradeScope.England && sign > 0) (m.Name, m.Code) = (c.Region, c.RegionCode);
            foreach (var step in steps)
            {
                var id = GradeDelta.IdFor(scope, step.Day);
                if (!Rows.TryGetValue(id, out var row)) Rows[id] = row = new GradeDelta { Id = id, Scope = scope, Day = step.Day };
                row.Add(step.Area, step.Bucket, sign * step.Change);
            }
        }
    }
}

/// <summary>
/// Async only: the daemon is the single writer of the shared per-day rows, so read-modify-write here cannot lose an
/// update (concurrent inline writers would). Per batch: for each authority touched, take back the steps of its stored
/// contribution and add those of its new one, then apply the net change to the rows in one go.
/// </summary>
public sealed class GradePictureProjection : IProjection
{
    public const string ProjectionName = "GradePicture";

    public async Task ApplyAsync(IDocumentOperations operations, IReadOnlyList<IEvent> events, CancellationToken cancellation)
    {
        var byAuthority = events.Where(e => e.StreamKey is not null && GradeContribution.Matters(e.Data)).GroupBy(e => e.StreamKey!).ToList();
        if (byAuthority.Count == 0) return;
        var stored = (await operations.LoadManyAsync<GradeContribution>(cancellation, byAuthority.Select(g => g.Key).ToArray()))
            .ToDictionary(c => c.Id, StringComparer.Ordinal);

        var changes = new GradeChanges();
        foreach (var authority in byAuthority)
        {
            var before = stored.GetValueOrDefault(authority.Key);
            var after = authority.Aggregate(before, (state, e) => GradeContribution.Step(state, authority.Key, e.Data));
            if (after is null) continue;
            changes.Replace(before, after);
            operations.Store(after);
        }
        await ApplyToRowsAsync(operations, changes.Rows, cancellation);
        await ApplyToScopesAsync(operations, changes.Scopes, cancellation);
    }

    private static async Task ApplyToRowsAsync(IDocumentOperations operations, Dictionary<string, GradeDelta> net, CancellationToken ct)
    {
        var changed = net.Values.Where(d => d.Counts.Count > 0).ToList();
        if (changed.Count == 0) return;
        var existing = (await operations.LoadManyAsync<GradeDelta>(ct, changed.Select(d => d.Id).ToArray())).ToDictionary(d => d.Id, StringComparer.Ordinal);
        foreach (var change in changed)
        {
            var row = existing.GetValueOrDefault(change.Id) ?? new GradeDelta { Id = change.Id, Scope = change.Scope, Day = change.Day };
            row.AddAll(change);
            if (row.Counts.Count == 0) operations.Delete<GradeDelta>(row.Id);
            else operations.Store(row);
        }
    }

    private static async Task ApplyToScopesAsync(IDocumentOperations operations, Dictionary<string, GradeScope> members, CancellationToken ct)
    {
        var changed = members.Values.Where(m => m.Members != 0 || m.Name is not null).ToList();
        if (changed.Count == 0) return;
        var existing = (await operations.LoadManyAsync<GradeScope>(ct, changed.Select(m => m.Id).ToArray())).ToDictionary(m => m.Id, StringComparer.Ordinal);
        foreach (var change in changed)
        {
            var scope = existing.GetValueOrDefault(change.Id) ?? new GradeScope { Id = change.Id };
            scope.Members += change.Members;
            if (change.Name is not null || change.Code is not null) (scope.Name, scope.Code) = (change.Name, change.Code);
            if (scope.Members <= 0) operations.Delete<GradeScope>(scope.Id);
            else operations.Store(scope);
        }
    }
}
