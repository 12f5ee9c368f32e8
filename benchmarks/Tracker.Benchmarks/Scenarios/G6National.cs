namespace Tracker.Benchmarks.Scenarios;

public sealed class G6National : UnavailableScenario
{
    public override string Id => "G6";
    public override string Title => "GET /api/national?asOf=… over N events, p99 (ms)";
    public override string Baseline => "(absolute)";
    public override string Unit => "ms p99";
    public override Goal Goal => new(GoalKind.AbsoluteBelow, 50, "< 50 ms");
    public override string NotAvailable =>
        "not available in this build: /api/national is on the read-model branch. To add it, run HttpLoad against " +
        "/api/national?asOf=<dates spread over the dataset> on context.HostAsync() and return the p99.";
}
