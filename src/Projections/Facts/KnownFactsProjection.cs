using JasperFx.Events;
using Marten;
using Marten.Events.Projections;
using Tracker.Domain.Authorities;
using Tracker.Domain.Common;

namespace Tracker.Projections.Facts;

/// <summary>
/// Keeps one <see cref="KnownFact"/> document per fact, inline, so a writer recognises a duplicate or a conflicting
/// version by loading the few facts its commands name, and the authority's snapshot stays the same size however long
/// its stream grows. Per page: load the facts the events touch in one round trip, fold, store the changed ones.
/// </summary>
public sealed class KnownFactsProjection : IProjection
{
    public const string ProjectionName = "KnownFacts";

    public async Task ApplyAsync(IDocumentOperations operations, IReadOnlyList<IEvent> events,
        CancellationToken cancellation)
    {
        var facts = events.Where(e => e.StreamKey is not null && e.Data is IFact)
            .Select(e => (Key: KnownFact.Key(e.StreamKey!, ((IFact)e.Data).FactId), Event: e)).ToList();
        if (facts.Count == 0) return;
        var known = (await operations.LoadManyAsync<KnownFact>(cancellation, facts.Select(f => f.Key).Distinct().ToArray()))
            .ToDictionary(f => f.Id, StringComparer.Ordinal);

        var changed = new Dictionary<string, KnownFact>(StringComparer.Ordinal);
        foreach (var (key, e) in facts)
        {
            var fact = (IFact)e.Data;
            var before = known.GetValueOrDefault(key);
            if (FactStates.Step(before?.State, fact) is not { } after) continue;
            known[key] = changed[key] =
                new KnownFact { Id = key, AuthorityId = e.StreamKey!, FactId = fact.FactId, State = after };
        }
        foreach (var doc in changed.Values) operations.Store(doc);
    }
}
