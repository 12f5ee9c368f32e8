using System.Text.RegularExpressions;
using Tracker.Domain.Authorities;
using Tracker.Domain.Common;

namespace Tracker.Domain.Metrics;

/// <summary>The wire shape of a metric observation: a value or a low–high range, a unit, a period and its source.</summary>
public sealed record MetricInput(string? Metric, decimal? Value, decimal? Low, decimal? High, string? Unit, PeriodInput? Period, string? ReportReference, string? Quote)
{
    public MetricDetails Validate(Errors errors)
    {
        var metric = errors.RequiredText("metric", Metric, 64);
        if (metric is not null && !RecordMetric.NamePattern().IsMatch(metric))
            errors.Add("metric", $"must be snake_case, e.g. one of {string.Join(", ", MetricNames.Known)}.");
        var value = ValidateValue(errors);
        var period = Period is null ? null : Period.Validate(errors);
        if (Period is null) errors.Add("period", "is required; use {\"kind\":\"unknown\"} when the source gives none.");
        var reference = errors.RequiredText("reportReference", ReportReference, 500);
        errors.Text("quote", Quote, 4000);
        return new MetricDetails(metric ?? "", value, period ?? MetricPeriod.Unknown, new MetricSource(reference ?? "", Quote?.Trim()));
    }

    public MetricValue ValidateValue(Errors errors)
    {
        var unit = errors.RequiredText("unit", Unit, 32);
        if (unit is not null && !RecordMetric.NamePattern().IsMatch(unit)) errors.Add("unit", "must be snake_case, e.g. percent, count, children_per_iro.");
        if (Value is null && (Low is null || High is null)) errors.Add("value", "give a value, or both low and high for a range.");
        if (Value is not null && (Low is not null || High is not null)) errors.Add("value", "give a value or a range, not both.");
        if (Low > High) errors.Add("high", "must not be below low.");
        if (unit == "percent" && new[] { Value, Low, High }.Any(v => v is < 0 or > 100)) errors.Add("value", "a percentage lies between 0 and 100.");
        if (new[] { Value, Low, High }.Any(v => v < 0) && unit != "percent") errors.Add("value", "must not be negative.");
        return new MetricValue(Value, Low, High, unit ?? "");
    }
}

/// <summary>Record an observation of a service metric. The same metric, period and source twice is one observation.</summary>
public sealed partial record RecordMetric(string Authority, MetricInput Observation, string RecordedBy, long? ExpectedVersion = null) : IAuthorityCommand
{
    [GeneratedRegex("^[a-z][a-z0-9_]{1,63}$")]
    internal static partial Regex NamePattern();

    public string FactId
    {
        get
        {
            var details = Observation.Validate(new Errors());
            return details.ToFactId();
        }
    }

    public IReadOnlyList<object> Decide(Authority state, Recorded recorded)
    {
        var errors = new Errors();
        var details = Observation.Validate(errors);
        errors.ThrowIfAny();
        FactLedger.EnsureExisted(state, details.Period.From, "period");

        var factId = details.ToFactId();
        return FactLedger.Decide(state, factId, FactKinds.Metric, details.Fingerprint(),
            $"{details.Metric} for {details.Period.Label} from {details.Source.ReportReference}",
            () => new MetricObserved(factId, details, recorded));
    }
}
