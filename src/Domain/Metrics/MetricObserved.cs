using Tracker.Domain.Common;

namespace Tracker.Domain.Metrics;

/// <summary>A source reported a value of a service metric (e.g. IRO review timeliness) for a period.</summary>
public sealed record MetricObserved(string FactId, MetricDetails Details, Recorded Recorded) : IFact;

/// <summary>A single value or a range (IRO caseloads are often quoted as "100–120"), with its unit.</summary>
public sealed record MetricValue(decimal? Value, decimal? Low, decimal? High, string Unit)
{
    /// <summary>The figure trends compare: the value, or the midpoint of a range.</summary>
    public decimal Central => Value ?? ((Low ?? 0m) + (High ?? 0m)) / 2m;
}

public sealed record MetricSource(string ReportReference, string? Quote);

public sealed record MetricDetails(string Metric, MetricValue Value, MetricPeriod Period, MetricSource Source)
{
    /// <summary>
    /// Metric, period and source identify an observation; with an unknown period the quote does too, so two different
    /// figures a report gives without a period are two observations, not one conflicting fact.
    /// </summary>

    public string ToFactId() => FactIds.ForMetric(Metric, IdentityPeriod(Period, Source.Quote, Value), Source.ReportReference);

    /// <summary>With an unknown period, the quote and the figure join the key: one sentence can give two figures.</summary>
    public static string IdentityPeriod(MetricPeriod period, string? quote, MetricValue? value = null) =>
        period.Kind != PeriodKind.Unknown || string.IsNullOrWhiteSpace(quote) ? period.Key
        : value is null ? $"{period.Key}|{quote.Trim()}"
        : string.Create(System.Globalization.CultureInfo.InvariantCulture,
            $"{period.Key}|{quote.Trim()}|{value.Value}|{value.Low}|{value.High}");

    public string Fingerprint() => FactIds.Fingerprint(Metric, Value.Value, Value.Low, Value.High, Value.Unit, Period.Key,
        ReportReferences.Canonical(Source.ReportReference), Source.Quote);
}

public static class MetricNames
{
    public const string ReviewTimeliness = "iro_review_timeliness";
    public const string Participation = "iro_participation";
    public const string Caseload = "iro_caseload";
    public const string Escalations = "iro_escalations";
    public const string SeenBeforeReview = "children_seen_before_review";
    /// <summary>Children's social care assessments completed within the timescale (e.g. 45 working days).</summary>
    public const string AssessmentTimeliness = "assessment_timeliness";
    /// <summary>Initial child protection conferences held within the timescale (e.g. 15 working days).</summary>
    public const string InitialConferenceTimeliness = "icpc_timeliness";
    /// <summary>Initial health assessments of children entering care completed within the timescale (e.g. 20 days).</summary>
    public const string InitialHealthAssessmentTimeliness = "initial_health_assessment_timeliness";
    /// <summary>Referrals that are re-referrals within 12 months.</summary>
    public const string ReReferralRate = "re_referral_rate";

    public static readonly string[] Known = [ReviewTimeliness, Participation, Caseload, Escalations, SeenBeforeReview,
        AssessmentTimeliness, InitialConferenceTimeliness, InitialHealthAssessmentTimeliness, ReReferralRate];
}
