using System.Diagnostics;
using Marten;
using Tracker.Domain.Common;
using Tracker.Domain.Inspections;
using Tracker.Host.Common;
using Tracker.Host.Writes;

namespace Tracker.Host.Imports.History;

/// <summary>
/// Imports the official inspection history: each row becomes a <see cref="RecordInspection"/>, decided by the domain
/// against the authority's write model, so a report already recorded appends nothing. The file is streamed and written
/// in chunks of authorities, each one <see cref="AuthorityWriter"/> request, so a million rows never sit in memory at once.
/// </summary>
public static class HistoryImporter
{
    public const string RecordedBy = "import:ofsted-inspection-history";

    /// <summary>Rows per chunk are capped too, so one authority with a huge history still flushes.</summary>
    private const int RowsPerAuthorityInChunk = 20;

    public static async Task<ImportSummary> ImportAsync(IDocumentStore store, TextReader text, Recorded recorded, ImportProgress progress,
        CancellationToken ct, int authoritiesPerChunk = ImportOptions.DefaultAuthoritiesPerChunk)
    {
        var rejected = new List<ImportRejection>();
        var notes = new List<ImportNote>();
        var lookup = new AuthorityLookup(store);
        var writer = new AuthorityWriter(store);
        var pending = new List<MappedRow>();
        var pendingUrns = new HashSet<string>(StringComparer.Ordinal);
        int read = 0, appended = 0, duplicates = 0, written = 0, corrected = 0, enriched = 0;
        var clock = Stopwatch.StartNew();
        var lastProgress = TimeSpan.Zero;

        async Task FlushAsync()
        {
            if (pending.Count == 0) return;
            await lookup.ResolveAsync(pendingUrns, ct);
            var byAuthority = new Dictionary<string, List<MappedRow>>(StringComparer.Ordinal);
            foreach (var row in pending)
            {
                if (lookup[row.Urn] is not { } authorityId)
                {
                    rejected.Add(new ImportRejection(row.Line, "urn", $"'{row.Urn}' matches no authority in the register."));
                    continue;
                }
                if (!byAuthority.TryGetValue(authorityId, out var list)) byAuthority[authorityId] = list = [];
                list.Add(row);
            }
            var chunk = await HistoryPlanner.PlanChunkAsync(store, byAuthority, ct);
            pending.Clear();
            pendingUrns.Clear();
            if (chunk.Count == 0) return;

            var request = new WriteRequest([.. chunk.Values.SelectMany(c => c)], WriteMode.SkipRejected, recorded);
            var result = await writer.WriteAsync(request, ct);
            appended += result.Appended;
            duplicates += result.Duplicates;
            corrected += result.Corrected;
            enriched += result.Enriched;
            rejected.AddRange(result.Rejected.Select(r => new ImportRejection(r.Command.Line, ColumnOf(r.Reason), Describe(r.Reason))));
            written += chunk.Count;
            if (clock.Elapsed - lastProgress < TimeSpan.FromSeconds(2)) return;
            lastProgress = clock.Elapsed;
            progress($"  {read:N0} rows read, {written:N0} authority writes committed ({appended:N0} events so far, {appended / clock.Elapsed.TotalSeconds:N0}/s).");
        }

        foreach (var (line, values) in Csv.ReadWithHeader(text))
        {
            read++;
            var row = HistoryRow.Map(line, values, recorded.Today);
            if (row.Inspection is null) { rejected.AddRange(row.Problems); continue; }
            notes.AddRange(row.Notes.Select(n => new ImportNote(line, n.Column, n.RawValue, n.Reason, n.Detail)));
            // A new authority would overflow the chunk: write what is pending first (an authority's rows stay in file order).
            if (!pendingUrns.Contains(row.Urn) && (pendingUrns.Count >= authoritiesPerChunk || pending.Count >= authoritiesPerChunk * RowsPerAuthorityInChunk))
                await FlushAsync();
            pending.Add(row);
            pendingUrns.Add(row.Urn);
        }
        await FlushAsync();
        progress($"{read:N0} rows read; {appended:N0} events written for {written:N0} authority writes in {clock.Elapsed.TotalSeconds:N1} s.");

        // Appended counts every event, including withdrawals of page sections the new history shows to be suspect.
        var (suspect, withdrawn) = await IroPage.SectionCrossCheck.RunAsync(store, recorded, progress, ct);
        return new ImportSummary(ImportFormats.InspectionHistory, read, appended + withdrawn, duplicates,
            rejected.OrderBy(r => r.Line).ToList(), Suspect: suspect, Corrected: corrected, Notes: notes,
            Enriched: enriched);
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
        var f => f,
    };

    private static string Describe(Rejection rejection) => rejection.Errors.Count == 0
        ? $"{rejection.Title}: {rejection.Message}"
        : string.Join(" ", rejection.Errors.Select(e => $"{e.Key} {string.Join(" ", e.Value)}"));
}
