using Marten;
using Tracker.Domain.Common;
using Tracker.Host.Imports.History;
using Tracker.Host.Imports.IroPage;
using Tracker.Host.Imports.Evidence;

namespace Tracker.Host.Imports;

/// <summary>The one entry point for every import (CLI, HTTP, first run): detects the format and runs its importer.</summary>
public sealed class Importer(IDocumentStore store, TimeProvider clock, ImportOptions options)
{
    public Task<ImportSummary> ImportAsync(string text, string? expectedFormat, ImportProgress progress, CancellationToken ct) =>
        ImportAsync(new StringReader(text), expectedFormat, progress, ct);

    /// <summary>
    /// Streams the history CSV row by row; the IRO page is small and parsed whole. The format is told from the first
    /// line (the history's header) before anything else is read.
    /// </summary>
    public async Task<ImportSummary> ImportAsync(TextReader reader, string? expectedFormat, ImportProgress progress, CancellationToken ct)
    {
        var firstLine = await reader.ReadLineAsync(ct) ?? "";
        string? text = null;
        var format = ImportFormats.DetectHeader(firstLine);
        if (format is null)
        {
            text = firstLine + "\n" + await reader.ReadToEndAsync(ct);
            format = ImportFormats.Detect(text);
        }
        if (format is null)
            throw Rejection.Unprocessable("Unrecognised import format",
                "The body is neither the official inspection history CSV (header starting 'urn,' with 'inspection_link') " +
                "nor the IRO summary page (with 'Comments specific to IRO Service' sections).");
        if (expectedFormat is not null && expectedFormat != format)
            throw Rejection.Unprocessable("Content type does not match the content",
                $"The body looks like {format}, but the content type announced {expectedFormat}.");

        progress($"Importing {format}...");
        var recorded = new Recorded(format == ImportFormats.InspectionHistory ? HistoryImporter.RecordedBy : PageImporter.RecordedBy, clock.GetUtcNow());
        var summary = format == ImportFormats.InspectionHistory
            ? await HistoryImporter.ImportAsync(store, new PrefixedReader(firstLine + "\n", reader), recorded, progress, ct, options.AuthoritiesPerChunk)
            : await PageImporter.ImportAsync(store, text!, recorded, progress, ct);
        return await AfterImport.ReconcileAsync(store, summary, recorded, progress, ct);
    }
}
