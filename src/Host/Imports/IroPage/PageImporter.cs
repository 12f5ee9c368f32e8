using Marten;
using Tracker.Domain.Common;

namespace Tracker.Host.Imports.IroPage;

public static class PageImporter
{
    public const string RecordedBy = "import:sif-iro-summary-page";

    public static Task<ImportSummary> ImportAsync(IDocumentStore store, string text, Recorded recorded, ImportProgress progress, CancellationToken ct) =>
        throw Rejection.Unprocessable("Not yet supported", "The IRO summary page importer is not built yet.");
}
