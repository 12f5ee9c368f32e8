using Tracker.Domain.Common;
using Tracker.Domain.Metrics;

namespace Tracker.Host.Imports.Metrics;

/// <summary>What the text around the figures is about, which decides how much the words must say.</summary>
public enum MetricScope
{
    /// <summary>
    /// A finding on the IRO service (the IRO summary page): every timeliness or participation figure there is about
    /// reviews, so the words need not say "review".
    /// </summary>
    IroService,

    /// <summary>
    /// A whole inspection report: figures about assessments, conferences, visits and health sit side by side, so a
    /// figure is only kept when its own words name what it measures.
    /// </summary>
    Report,
}

/// <summary>A figure read from a sentence, with the period the sentence gives (unknown when it gives none).</summary>
public sealed record TextMetric(
    string Metric, decimal? Value, decimal? Low, decimal? High, string Unit, PeriodInput Period, string Quote)
{
    public MetricPeriod ValidPeriod() => Period.Validate(new Errors());
}
