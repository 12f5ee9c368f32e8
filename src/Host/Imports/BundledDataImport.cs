using JasperFx.Events;
using Marten;
using Marten.Schema;
using Tracker.Domain.Inspections;

namespace Tracker.Host.Imports;

/// <summary>
/// On a database with no inspections yet, imports the sources that ship in data/sources so the API answers real
/// questions at once. Runs as Marten initial data after the authorities are registered; Tracker:ImportBundledDataOnStartup turns it off.
/// </summary>
public sealed class BundledDataImport(TimeProvider clock, ImportOptions options, ILogger<BundledDataImport> log) : IInitialData
{
    public static readonly string[] Files = ["data/sources/ofsted-csc-inspections-history.csv", "data/sources/sif-iro-summary-page.txt"];

    public async Task Populate(IDocumentStore store, CancellationToken ct)
    {
        await using (var query = store.QuerySession())
        {
            if (await query.Events.QueryRawEventDataOnly<InspectionRecorded>().AnyAsync(ct)) return;
        }

        var importer = new Importer(store, clock, options);
        foreach (var file in Files)
        {
            var path = Path.Combine(AppContext.BaseDirectory, file);
            if (!File.Exists(path)) { log.LogWarning("Bundled source {File} is missing; skipped", file); continue; }
            var summary = await importer.ImportAsync(await File.ReadAllTextAsync(path, ct), null, m => log.LogInformation("{Progress}", m), ct);
            foreach (var line in summary.Lines()) log.LogInformation("{Summary}", line);
        }
    }
}
