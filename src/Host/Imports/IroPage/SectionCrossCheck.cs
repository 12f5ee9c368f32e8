using Marten;
using Tracker.Domain.Common;

using Tracker.Host.Writes;

namespace Tracker.Host.Imports.IroPage;

/// <summary>
/// Run after the official history is imported, so the cross-check holds in either order: a section its heading
/// attributed, whose periods turn out to be later than that authority's SIF report, becomes suspect and its
/// findings and metrics are withdrawn (through the domain's correction command) until a user confirms or re-attributes it.
/// </summary>
public static class SectionCrossCheck
{
    public static async Task<(int Flagged, int Withdrawn)> RunAsync(IDocumentStore store, Recorded recorded, ImportProgress progress, CancellationToken ct)
    {
        List<ImportedSection> candidates;
        Dictionary<string, DateOnly> sif;
        Dictionary<string, string> names;
        await using (var query = store.QuerySession())
        {
            candidates = (await query.Query<ImportedSection>()
                .Where(d => d.Status == SectionStatus.Attributed && d.AttributedBy == "heading").ToListAsync(ct)).ToList();
            if (candidates.Count == 0) return (0, 0);
            sif = await SifPublications.LoadAsync(query, ct);
            names = (await query.Query<Tracker.Domain.Authorities.Authority>().ToListAsync(ct)).ToDictionary(a => a.Id, a => a.Name);
        }

        var flagged = new List<ImportedSection>();
        var plans = new Dictionary<string, List<WriteCommand>>(StringComparer.Ordinal);
        foreach (var doc in candidates)
        {
            var suspicion = SifPublications.Suspicion(doc.Section, sif.TryGetValue(doc.AuthorityId!, out var d) ? d : null);
            if (suspicion is null) continue;
            (doc.Status, doc.Reason, doc.Appended) = (SectionStatus.Suspect, $"{names[doc.AuthorityId!]}: {suspicion}", false);
            flagged.Add(doc);
            if (!plans.TryGetValue(doc.AuthorityId!, out var list)) plans[doc.AuthorityId!] = list = [];
            list.AddRange(SectionCommands.Withdraw(doc.Section, doc.AuthorityId!, $"IRO page section {doc.Id} is suspect: {suspicion}"));
        }
        if (flagged.Count == 0) return (0, 0);

        var (withdrawn, _, _) = await PageImporter.WriteAsync(store, plans, recorded, ct);
        await using var session = store.LightweightSession();
        session.Store(flagged.ToArray());
        await session.SaveChangesAsync(ct);
        progress($"Cross-check with the IRO page: {flagged.Count} section(s) now suspect; {withdrawn} of their findings and metrics withdrawn until confirmed.");
        return (flagged.Count, withdrawn);
    }
}
