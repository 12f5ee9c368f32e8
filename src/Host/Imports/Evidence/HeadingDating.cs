using Marten;
using Tracker.Domain.Common;
using Tracker.Domain.Corrections;
using Tracker.Domain.Inspections;
using Tracker.Host.Imports.IroPage;
using Tracker.Projections.CurrentGrades;

using Tracker.Host.Writes;

namespace Tracker.Host.Imports.Evidence;

/// <summary>
/// Dates the IRO page's undated SIF grades. A heading's grade is the children looked after judgement of one of its
/// authority's SIF reports: the one whose grade it matches dates it, and the heading becomes a source of that report
/// (its undated fact is withdrawn, naming the report). When the authority's SIF reports are graded and none agrees,
/// the heading becomes a conflict note on the latest of them, not a fact silently trusted. With no graded SIF report,
/// or two that agree, nothing is decided.
/// </summary>
public static class HeadingDating
{
    public static async Task<(int Dated, int Appended)> RunAsync(IDocumentStore store, Recorded recorded, ImportProgress progress, CancellationToken ct)
    {
        List<ImportedSection> headings;
        Dictionary<string, AuthorityStanding> standings;
        NameMatcher matcher;
        await using (var query = store.QuerySession())
        {
            headings = (await query.Query<ImportedSection>().Where(d => d.HeadingDatedBy == null).ToListAsync(ct))
                .Where(d => d.Section.Grade is not null && d.Section.HeadingName is not null).ToList();
            if (headings.Count == 0) return (0, 0);
            matcher = new NameMatcher(await RegisterNames.LoadAsync(query, ct));
            var ids = headings.Select(d => matcher.Match(d.Section.HeadingName!)).OfType<string>().Distinct().ToArray();
            standings = (await query.LoadManyAsync<AuthorityStanding>(ct, ids)).ToDictionary(s => s.Id);
        }

        var plans = new Dictionary<string, List<WriteCommand>>(StringComparer.Ordinal);
        var dated = new List<ImportedSection>();
        foreach (var doc in headings)
        {
            if (matcher.Match(doc.Section.HeadingName!) is not { } id || !standings.TryGetValue(id, out var standing)) continue;
            if (Decide(doc, id, standing) is not { } commands) continue;
            if (!plans.TryGetValue(id, out var list)) plans[id] = list = [];
            list.AddRange(commands.Commands);
            doc.HeadingDatedBy = commands.Report;
            dated.Add(doc);
        }
        if (dated.Count == 0) return (0, 0);
        var (appended, _, _) = await PageImporter.WriteAsync(store, plans, recorded, ct);
        await using var session = store.LightweightSession();
        session.Store(dated.ToArray());
        await session.SaveChangesAsync(ct);
        progress($"IRO page headings: {dated.Count} grade(s) settled against the authorities' SIF reports.");
        return (dated.Count, appended);
    }

    private static (string Report, WriteCommand[] Commands)? Decide(ImportedSection doc, string authorityId, AuthorityStanding standing)
    {
        var grade = doc.Section.Grade!.Value;
        var pageFact = FactIds.ForReport(doc.Section.ReportReference);
        if (standing.Inspections.All(i => i.FactId != pageFact)) return null;
        var sif = standing.Inspections
            .Where(i => i.Framework == FrameworkVersion.Sif2013 && i.PublishedOn is not null && i.FactId != pageFact
                        && i.Grades.GetValueOrDefault(JudgementAreas.ChildrenLookedAfter).IsGraded())
            .OrderBy(i => i.PublishedOn).ToList();
        var agree = sif.Where(i => i.Grades[JudgementAreas.ChildrenLookedAfter] == grade).ToList();
        if (sif.Count == 0 || agree.Count > 1) return null;
        var report = agree.Count == 1 ? agree[0] : sif[^1];
        var why = agree.Count == 1
            ? $"Dated: the IRO page heading's children looked after grade ({grade.ToWire()}) is that of the SIF report published {report.PublishedOn:yyyy-MM-dd} ({report.FactId})."
            : $"No SIF report of the authority has the IRO page heading's children looked after grade ({grade.ToWire()}); kept as a conflict note on the report published {report.PublishedOn:yyyy-MM-dd} ({report.FactId}).";
        var pageInput = SectionCommands.InspectionInput(doc.Section);
        return (report.FactId,
        [
            new WriteCommand(new CorrectFact(authorityId, new CorrectionInput(pageFact, CorrectionAction.Withdraw, why),
                PageImporter.RecordedBy), doc.Section.Line),
            new WriteCommand(new EnrichInspection(authorityId, report.FactId, report.ToDetails(), pageInput,
                doc.Section.ReportReference, $"the IRO summary page heading '{doc.Section.Heading}'"), doc.Section.Line),
        ]);
    }
}
