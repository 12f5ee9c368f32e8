namespace Tracker.Benchmarks.Scenarios;

public sealed class G3BulkImport : UnavailableScenario
{
    public override string Id => "G3";
    public override string Title => "bulk import of N events via the import path users run, projections up to date (events/s)";
    public override string Baseline => "PostgreSQL COPY of the same rows";
    public override string Unit => "events/s";
    public override Goal Goal => new(GoalKind.RatioAtLeast, 0.50, "≥ 0.50 (aim 0.80)");
    public override string NotAvailable =>
        "not available in this build: the bulk importer is on another branch. To add it, implement RunTrackerAsync with the " +
        "importer over the dataset's rows and RunBaselineAsync as COPY of the same rows into bench.raw_events; measure the Host's peak RSS.";
}
