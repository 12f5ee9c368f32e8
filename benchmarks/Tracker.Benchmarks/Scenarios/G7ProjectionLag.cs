namespace Tracker.Benchmarks.Scenarios;

public sealed class G7ProjectionLag : UnavailableScenario
{
    public override string Id => "G7";
    public override string Title => "projection lag (append → visible in an async read model) under G1 load, p99 (ms)";
    public override string Baseline => "(absolute)";
    public override string Unit => "ms p99";
    public override Goal Goal => new(GoalKind.AbsoluteBelow, 1000, "< 1 s");
    public override string NotAvailable =>
        "not available in this build: there is no async projection yet (only the inline Authority snapshot). To add it, " +
        "run G1's writers and poll the async read model for each appended fact, recording append-to-visible times.";
}
