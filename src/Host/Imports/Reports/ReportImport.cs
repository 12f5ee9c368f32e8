using System.Diagnostics;
using Marten;
using Tracker.Domain.Common;
using Tracker.Domain.DataQuality;
using Tracker.Host.Imports.Evidence;

namespace Tracker.Host.Imports.Reports;

/// <summary>
/// Imports report files one at a time (a folder's *.pdf in name order, with its manifest.csv as hints), so memory
/// holds one file whatever the folder's size. One file's problem never stops the others; each refused file is listed
/// with its reason. Ends like every import: evidence reconciliation, then the summary.
/// </summary>
public static class ReportImport
{
    public const string Format = "report-pdf";

    public static async Task<ImportSummary> ImportPathAsync(IDocumentStore store, string path, TimeProvider clock,
        ImportProgress progress, CancellationToken ct)
    {
        var folder = Directory.Exists(path) ? path : Path.GetDirectoryName(Path.GetFullPath(path))!;
        var files = Directory.Exists(path)
            ? Directory.EnumerateFiles(path, "*.pdf", SearchOption.TopDirectoryOnly).Order(StringComparer.Ordinal).ToList()
            : [path];
        var hints = ReportHints.FromManifest(folder);
        var importer = await ReportImporter.CreateAsync(store, ct);
        var recorded = new Recorded(ReportCommands.RecordedBy, clock.GetUtcNow());
        var tally = new Tally();
        var clockwork = Stopwatch.StartNew();
        foreach (var (file, i) in files.Select((f, i) => (f, i + 1)))
        {
            var reading = ReportReader.Read(file);
            var outcome = await importer.ImportAsync(reading, hints.GetValueOrDefault(Path.GetFileName(file)) ?? ReportHints.None,
                recorded, ct);
            tally.Add(i, outcome);
            progress($"  [{i}/{files.Count}] {outcome.File}: {Describe(outcome)}");
        }
        progress($"{files.Count} file(s) read in {clockwork.Elapsed.TotalSeconds:N1} s.");
        return await AfterImport.ReconcileAsync(store, tally.Summary(files.Count), recorded, progress, ct);
    }

    /// <summary>One uploaded file: its outcome (a refusal is the caller's to answer) and, when accepted, the summary.</summary>
    public static async Task<(ReportOutcome Outcome, ImportSummary Summary)> ImportStreamAsync(IDocumentStore store, string name,
        Stream body, ReportHints hints, long maxBytes, TimeProvider clock, CancellationToken ct)
    {
        var importer = await ReportImporter.CreateAsync(store, ct);
        var recorded = new Recorded(ReportCommands.RecordedBy, clock.GetUtcNow());
        var tally = new Tally();
        var outcome = await importer.ImportAsync(ReportReader.Read(name, body, maxBytes), hints, recorded, ct);
        tally.Add(1, outcome);
        if (outcome.Refused is not null) return (outcome, tally.Summary(1));
        return (outcome, await AfterImport.ReconcileAsync(store, tally.Summary(1), recorded, _ => { }, ct));
    }

    private static string Describe(ReportOutcome o) => o.Refused is { } why ? $"refused: {why}"
        : $"{o.AuthorityId}, {o.Result!.Appended} events ({o.Result.Enriched} enrichments), {o.Result.Duplicates} duplicates";

    private static string Explain(Rejection r) =>
        $"{r.Title}: {r.Message} {string.Join(" ", r.Errors.Select(e => $"{e.Key} {string.Join(" ", e.Value)}"))}".Trim();

    private sealed class Tally
    {
        private readonly List<ImportRejection> _refused = [];
        private readonly List<ImportNote> _notes = [];
        private int _appended, _duplicates, _corrected, _enriched;

        public void Add(int line, ReportOutcome o)
        {
            if (o.Refused is { } why) { _refused.Add(new ImportRejection(line, o.File, why)); return; }
            var r = o.Result!;
            (_appended, _duplicates, _corrected, _enriched) =
                (_appended + r.Appended, _duplicates + r.Duplicates, _corrected + r.Corrected, _enriched + r.Enriched);
            _refused.AddRange(r.Rejected.Select(x => new ImportRejection(line, o.File, $"page {x.Command.Line}: {Explain(x.Reason)}")));
            _notes.AddRange(o.Problems.Select(p => new ImportNote(line, o.File, p, DataQualityReasons.NotReadable, null)));
        }

        public ImportSummary Summary(int files) =>
            new(Format, files, _appended, _duplicates, _refused, Corrected: _corrected, Notes: _notes, Enriched: _enriched);
    }
}
