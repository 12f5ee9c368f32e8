using Marten;
using Tracker.Domain.Authorities;
using Tracker.Domain.Common;

using Tracker.Host.Writes;

namespace Tracker.Host.Imports.IroPage;

/// <summary>
/// Imports the IRO summary page. Named headings record their SIF grade; a heading's first block is recorded on its
/// authority unless the official history shows it cites later periods (suspect). Unnamed, unmatched and suspect
/// sections are kept as documents for a user to attribute; nothing of theirs is appended until then.
/// </summary>
public static class PageImporter
{
    public const string RecordedBy = "import:sif-iro-summary-page";

    public static async Task<ImportSummary> ImportAsync(IDocumentStore store, string text, Recorded recorded, ImportProgress progress, CancellationToken ct)
    {
        var sections = PageParser.Parse(text);
        progress($"{sections.Count} sections read ({sections.Count(s => s.HeadingName is not null)} under a heading).");

        List<Authority> register;
        Dictionary<string, DateOnly> sif;
        Dictionary<string, ImportedSection> known;
        await using (var query = store.QuerySession())
        {
            register = await RegisterNames.LoadAsync(query, ct);
            sif = await SifPublications.LoadAsync(query, ct);
            known = (await query.LoadManyAsync<ImportedSection>(ct, sections.Select(s => s.Id).ToArray())).ToDictionary(d => d.Id);
        }
        var matcher = new NameMatcher(register);
        var names = register.ToDictionary(a => a.Id, a => a.Name);

        var plans = new Dictionary<string, List<WriteCommand>>(StringComparer.Ordinal);
        void Plan(string authorityId, IEnumerable<WriteCommand> commands)
        {
            if (!plans.TryGetValue(authorityId, out var list)) plans[authorityId] = list = [];
            list.AddRange(commands);
        }

        var documents = new List<ImportedSection>();
        var unmatched = new List<string>();
        foreach (var section in sections)
        {
            var doc = known.GetValueOrDefault(section.Id) ?? new ImportedSection { Id = section.Id };
            doc.Section = section;
            documents.Add(doc);

            var headed = section.HeadingName is { } name ? matcher.Match(name) : null;
            var decided = doc.AttributedBy is "user" or Evidence.EvidenceReconciliation.AttributedByEvidence;
            if (section.HeadingName is not null && headed is null && !decided)
            {
                unmatched.Add($"{section.HeadingName} (line {section.Line})");
                (doc.Status, doc.AuthorityId, doc.Reason) = (SectionStatus.Unmatched, null, $"heading name '{section.HeadingName}' matches no authority in the register.");
                continue;
            }
            // A heading grade that a SIF report has dated lives on that report now: its undated fact was withdrawn.
            if (headed is not null && doc.HeadingDatedBy is null && SectionCommands.Inspection(section, headed) is { } inspection)
                Plan(headed, [inspection]);

            if (decided && doc.AuthorityId is { } chosen)
            {
                Plan(chosen, SectionCommands.Block(section, chosen));
                continue;
            }
            if (headed is null)
            {
                (doc.Status, doc.Reason) = (SectionStatus.Unattributed, "no heading directly above it; its authority is unknown.");
                continue;
            }
            var suspicion = SifPublications.Suspicion(section, sif.GetValueOrDefault(headed) is var d && d != default ? d : null);
            if (suspicion is not null)
            {
                (doc.Status, doc.AuthorityId, doc.AttributedBy, doc.Reason) = (SectionStatus.Suspect, headed, "heading", $"{names[headed]}: {suspicion}");
                continue;
            }
            (doc.Status, doc.AuthorityId, doc.AttributedBy, doc.Reason) = (SectionStatus.Attributed, headed, "heading", null);
            Plan(headed, SectionCommands.Block(section, headed));
        }

        var (appended, duplicates, rejected) = await WriteAsync(store, plans, recorded, ct);
        foreach (var doc in documents) doc.Appended = doc.Status == SectionStatus.Attributed;
        await using (var session = store.LightweightSession())
        {
            session.Store(documents.ToArray());
            await session.SaveChangesAsync(ct);
        }

        return new ImportSummary(ImportFormats.IroSummaryPage, sections.Count, appended, duplicates, rejected,
            documents.Count(d => d.Status is SectionStatus.Unattributed or SectionStatus.Unmatched),
            documents.Count(d => d.Status == SectionStatus.Suspect), unmatched);
    }

    public static async Task<(int Appended, int Duplicates, List<ImportRejection> Rejected)> WriteAsync(
        IDocumentStore store, Dictionary<string, List<WriteCommand>> plans, Recorded recorded, CancellationToken ct)
    {
        var request = new WriteRequest([.. plans.Values.SelectMany(c => c)], WriteMode.SkipRejected, recorded);
        var result = await new AuthorityWriter(store).WriteAsync(request, ct);
        var rejected = result.Rejected.Select(r => new ImportRejection(r.Command.Line, r.Command.Column, Explain(r.Reason)));
        return (result.Appended, result.Duplicates, rejected.OrderBy(r => r.Line).ToList());
    }

    private static string Explain(Rejection r) =>
        $"{r.Title}: {r.Message} {string.Join(" ", r.Errors.Select(e => $"{e.Key} {string.Join(" ", e.Value)}"))}".Trim();
}
