using Marten;
using Tracker.Domain.Common;

namespace Tracker.Host.Imports.Evidence;

/// <summary>
/// What every import ends with, whatever it imported, so the order of imports never matters: page sections are
/// attributed by the reports they quote, then the page's heading grades are dated by the SIF reports they match.
/// </summary>
public static class AfterImport
{
    public static async Task<ImportSummary> ReconcileAsync(IDocumentStore store, ImportSummary summary, Recorded recorded,
        ImportProgress progress, CancellationToken ct)
    {
        var evidence = recorded with { By = PageImporterEvidenceBy };
        var (attributed, _, appended) = await EvidenceReconciliation.RunAsync(store, evidence, progress, ct);
        var (dated, settled) = await HeadingDating.RunAsync(store, evidence, progress, ct);
        return attributed + dated == 0 ? summary
            : summary with { Appended = summary.Appended + appended + settled, AttributedByEvidence = attributed, HeadingsDated = dated };
    }

    /// <summary>Facts moved or dated by evidence say so in their provenance.</summary>
    public const string PageImporterEvidenceBy = "import:sif-iro-summary-page:evidence";
}
