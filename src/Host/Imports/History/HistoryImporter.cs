using Marten;
using Tracker.Domain.Common;
using Tracker.Domain.Inspections;
using Tracker.Host.Authorities;
using Tracker.Host.Common;

namespace Tracker.Host.Imports.History;

/// <summary>
/// Imports the official inspection history: each row becomes a <see cref="RecordInspection"/>, written per authority
/// through the domain's decide function, so a report already recorded appends nothing.
/// </summary>
public static class HistoryImporter
{
    public const string RecordedBy = "import:ofsted-inspection-history";

    public static async Task<ImportSummary> ImportAsync(IDocumentStore store, TextReader text, Recorded recorded, ImportProgress progress, CancellationToken ct)
    {
        var rejected = new List<ImportRejection>();
        var byAuthority = new Dictionary<string, List<PlannedCommand>>(StringComparer.Ordinal);
        var read = 0;

        await using (var query = store.QuerySession())
        {
            var resolved = new Dictionary<string, string?>(StringComparer.Ordinal);
            foreach (var (line, values) in Csv.ReadWithHeader(text))
            {
                read++;
                var row = HistoryRow.Map(line, values);
                if (row.Inspection is null) { rejected.AddRange(row.Problems); continue; }

                if (!resolved.TryGetValue(row.Urn, out var authorityId))
                    resolved[row.Urn] = authorityId = await AuthorityStreams.ResolveAsync(query, row.Urn, ct);
                if (authorityId is null) { rejected.Add(new ImportRejection(line, "urn", $"'{row.Urn}' matches no authority in the register.")); continue; }

                if (!byAuthority.TryGetValue(authorityId, out var list)) byAuthority[authorityId] = list = [];
                list.Add(PlannedCommand.For(line, new RecordInspection(authorityId, row.Inspection, RecordedBy)));
            }
        }
        progress($"{read} rows read; writing {byAuthority.Sum(a => a.Value.Count)} reports for {byAuthority.Count} authorities.");

        int appended = 0, duplicates = 0, done = 0;
        foreach (var (authorityId, commands) in byAuthority)
        {
            var result = await ImportWrites.WriteAsync(store, authorityId, commands, recorded, ct);
            appended += result.Appended;
            duplicates += result.Duplicates;
            rejected.AddRange(result.Rejected.Select(r => new ImportRejection(r.Command.Line, ColumnOf(r.Reason), Describe(r.Reason))));
            if (++done % 25 == 0 || done == byAuthority.Count) progress($"  {done}/{byAuthority.Count} authorities written ({appended} events so far).");
        }

        // Appended counts every event, including withdrawals of page sections the new history shows to be suspect.
        var (suspect, withdrawn) = await IroPage.SectionCrossCheck.RunAsync(store, recorded, progress, ct);
        return new ImportSummary(ImportFormats.InspectionHistory, read, appended + withdrawn, duplicates, rejected.OrderBy(r => r.Line).ToList(), Suspect: suspect);
    }

    /// <summary>The domain names its own fields; the user needs the CSV column.</summary>
    private static string? ColumnOf(Rejection rejection) => rejection.Errors.Keys.FirstOrDefault() switch
    {
        null => null,
        "publishedOn" or "framework" => "publication_date",
        "startDate" => "inspection_start_date",
        "endDate" => "inspection_end_date",
        "kind" => "inspection_framework",
        "reportReference" => "inspection_link",
        var f when f.StartsWith("grades.", StringComparison.Ordinal) => HistoryGrades.ColumnFor(f["grades.".Length..]) ?? f,
        var f => f,
    };

    private static string Describe(Rejection rejection) => rejection.Errors.Count == 0
        ? $"{rejection.Title}: {rejection.Message}"
        : string.Join(" ", rejection.Errors.Select(e => $"{e.Key} {string.Join(" ", e.Value)}"));
}
