using Tracker.Domain.Common;
using Tracker.Domain.Metrics;

namespace Tracker.Host.Imports.IroPage;

/// <summary>A quoted finding on the IRO service, with the page line it came from.</summary>
public sealed record PageFinding(int Line, string Quote);

/// <summary>A figure read from a finding's sentence, with the period the sentence gives (unknown when it gives none).</summary>
public sealed record PageMetric(int Line, string Metric, decimal? Value, decimal? Low, decimal? High, string Unit, PeriodInput Period, string Quote)
{
    public MetricPeriod ValidPeriod() => Period.Validate(new Errors());

    public static PageMetric From(int line, Tracker.Host.Imports.Metrics.TextMetric m) =>
        new(line, m.Metric, m.Value, m.Low, m.High, m.Unit, m.Period, m.Quote);
}

/// <summary>
/// One section of the page: a heading's first block (named) or a block whose heading was lost (unnamed).
/// Its id is a hash of its content, so the same section keeps its id across re-imports.
/// </summary>
public sealed record PageSection(
    string Id,
    int Line,
    string? Heading,
    string? HeadingName,
    Grade? Grade,
    IReadOnlyList<PageFinding> Findings,
    IReadOnlyList<PageMetric> Metrics,
    IReadOnlyList<string> Notes)
{
    public const string Page = "sif-iro-summary-page";
    public string ReportReference => $"{Page}#{Id}";
}
