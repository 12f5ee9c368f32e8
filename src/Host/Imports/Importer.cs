using Marten;
using Tracker.Domain.Common;
using Tracker.Host.Imports.History;
using Tracker.Host.Imports.IroPage;

namespace Tracker.Host.Imports;

/// <summary>The one entry point for every import (CLI, HTTP, first run): detects the format and runs its importer.</summary>
public sealed class Importer(IDocumentStore store, TimeProvider clock)
{
    public async Task<ImportSummary> ImportAsync(string text, string? expectedFormat, ImportProgress progress, CancellationToken ct)
    {
        var format = ImportFormats.Detect(text) ?? throw Rejection.Unprocessable("Unrecognised import format",
            "The body is neither the official inspection history CSV (header starting 'urn,' with 'inspection_link') " +
            "nor the IRO summary page (with 'Comments specific to IRO Service' sections).");
        if (expectedFormat is not null && expectedFormat != format)
            throw Rejection.Unprocessable("Content type does not match the content",
                $"The body looks like {format}, but the content type announced {expectedFormat}.");

        progress($"Importing {format}...");
        var recorded = new Recorded(format == ImportFormats.InspectionHistory ? HistoryImporter.RecordedBy : PageImporter.RecordedBy, clock.GetUtcNow());
        return format == ImportFormats.InspectionHistory
            ? await HistoryImporter.ImportAsync(store, new StringReader(text), recorded, progress, ct)
            : await PageImporter.ImportAsync(store, text, recorded, progress, ct);
    }
}
