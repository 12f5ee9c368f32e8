using JasperFx.Events;
using Marten;
using Marten.Events.Projections;
using Tracker.Domain.Common;

namespace Tracker.Projections.National;

/// <summary>
/// One scope's changes in one period: per area, how many authorities entered (+) or left (-) each grade bucket
/// ([outstanding, good, requires improvement, inadequate, ungraded]). Every change is kept three times: in its day's row,
/// its month's row and its year's row (Scope suffixed <c>#d</c>, <c>#m</c>, <c>#y</c>; Day = the period's first day), so
/// a picture as at D sums whole years before D's year, whole months before D's month, and D's month's days up to D:
/// at most ~60 small rows, however many authorities and days there are (see <see cref="RowsFor"/>).
/// </summary>
public sealed class GradeDelta
{
    public string Id { get; set; } = "";
    public string Scope { get; set; } = "";
    public DateOnly Day { get; set; }
    public Dictionary<string, int[]> Counts { get; set; } = new(StringComparer.Ordinal);

    public static string IdFor(string scope, DateOnly day) => $"{scope}|{day:yyyy-MM-dd}";

    /// <summary>The rows a change on <paramref name="day"/> is added to: (row scope, period start) for its day, month and year.</summary>
    public static IEnumerable<(string Scope, DateOnly Start)> PeriodsOf(string scope, DateOnly day)
    {
        yield return (scope + "#d", day);
        yield return (scope + "#m", new DateOnly(day.Year, day.Month, 1));
        yield return (scope + "#y", new DateOnly(day.Year, 1, 1));
    }

    /// <summary>Which rows sum to the picture as at <paramref name="asOf"/>: (row scope suffix, first day, last day), inclusive.</summary>
    public static IReadOnlyList<(string Suffix, DateOnly From, DateOnly To)> RowsFor(DateOnly asOf)
    {
        var year = new DateOnly(asOf.Year, 1, 1);
        var month = new DateOnly(asOf.Year, asOf.Month, 1);
        var rows = new List<(string, DateOnly, DateOnly)>(3);
        if (year > DateOnly.MinValue) rows.Add(("#y", DateOnly.MinValue, year.AddDays(-1)));
        if (month > year) rows.Add(("#m", year, month.AddDays(-1)));
        rows.Add(("#d", month, asOf));
        return rows;
    }

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
            foreach (var (rowScope, start) in GradeDelta.PeriodsOf(scope, step.Day))
            {
                var id = GradeDelta.IdFor(rowScope, start);
                if (!Rows.TryGetValue(id, out var row)) Rows[id] = row = new GradeDelta { Id = id, Scope = rowScope, Day = start };
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
