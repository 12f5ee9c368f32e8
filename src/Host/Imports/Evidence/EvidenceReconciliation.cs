using Marten;
using Tracker.Domain.Common;
using Tracker.Host.Imports.IroPage;

using Tracker.Host.Writes;

namespace Tracker.Host.Imports.Evidence;

/// <summary>
/// Attributes the IRO page's sections by the reports they quote, not by the page's layout (a heading can sit above
/// another authority's section). Run after every page or report import, so the order of imports does not matter.
/// A section that a user attributed is left alone; one with no unique match keeps the page's own rules.
/// </summary>
public static class EvidenceReconciliation
{
    public const string AttributedByEvidence = "evidence";

    public static async Task<(int Attributed, int Moved, int Appended)> RunAsync(IDocumentStore store, Recorded recorded,
        ImportProgress progress, CancellationToken ct)
    {
        List<ImportedSection> sections;
        List<ReportEvidence> reports;
        Dictionary<string, string> names;
        await using (var query = store.QuerySession())
        {
            reports = (await query.Query<ReportEvidence>().ToListAsync(ct)).ToList();
            if (reports.Count == 0) return (0, 0, 0);
            sections = (await query.Query<ImportedSection>().Where(d => d.AttributedBy != "user").ToListAsync(ct)).ToList();
            names = (await query.Query<Tracker.Domain.Authorities.Authority>().Select(a => new { a.Id, a.Name }).ToListAsync(ct))
                .ToDictionary(a => a.Id, a => a.Name);
        }

        var plans = new Dictionary<string, List<WriteCommand>>(StringComparer.Ordinal);
        void Plan(string authorityId, IEnumerable<WriteCommand> commands)
        {
            if (!plans.TryGetValue(authorityId, out var list)) plans[authorityId] = list = [];
            list.AddRange(commands);
        }
        var changed = new List<ImportedSection>();
        int attributed = 0, moved = 0;
        foreach (var doc in sections)
        {
            if (SectionEvidence.Match(doc.Section, reports) is not { } match) continue;
            var sameEvidence = doc.EvidenceReport == match.ReportSha256 && doc.AuthorityId == match.AuthorityId;
            if (sameEvidence && doc.Status == SectionStatus.Attributed) continue;
            var reason = $"Its sentences are found only in {names[match.AuthorityId]}'s report (sha256 {match.ReportSha256[..12]}…): " +
                         $"\"{match.Sentences[0]}\"";
            if (doc is { Status: SectionStatus.Attributed, Appended: true } && doc.AuthorityId is { } heading && heading != match.AuthorityId)
            {
                Plan(heading, SectionCommands.Withdraw(doc.Section, heading, $"IRO page section {doc.Id} is not {names[heading]}'s. {reason}"));
                moved++;
            }
            if (!(doc.Status == SectionStatus.Attributed && doc.AuthorityId == match.AuthorityId && doc.Appended))
                Plan(match.AuthorityId, SectionCommands.Block(doc.Section, match.AuthorityId, $"IRO page section {doc.Id}: {reason}"));
            attributed++;
            (doc.Status, doc.AuthorityId, doc.AttributedBy, doc.Reason, doc.Appended) =
                (SectionStatus.Attributed, match.AuthorityId, AttributedByEvidence, reason, true);
            (doc.EvidenceReport, doc.Evidence) = (match.ReportSha256, [.. match.Sentences]);
            changed.Add(doc);
        }
        if (changed.Count == 0) return (0, 0, 0);

        var (appended, _, _) = await PageImporter.WriteAsync(store, plans, recorded, ct);
        await using var session = store.LightweightSession();
        session.Store(changed.ToArray());
        await session.SaveChangesAsync(ct);
        progress($"Evidence: {attributed} IRO page section(s) attributed by the reports they quote ({moved} moved from the " +
                 $"authority their heading named); {appended} events.");
        return (attributed, moved, appended);
    }
}
