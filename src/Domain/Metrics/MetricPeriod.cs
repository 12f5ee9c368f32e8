using System.Globalization;
using System.Text.Json.Serialization;
using System.Text.RegularExpressions;
using Tracker.Domain.Common;

namespace Tracker.Domain.Metrics;

public enum PeriodKind
{
    [JsonStringEnumMemberName("financial_year")] FinancialYear,
    [JsonStringEnumMemberName("as_at")] AsAt,
    [JsonStringEnumMemberName("month_range")] MonthRange,
    /// <summary>The source quotes the figure without saying when it applies.</summary>
    [JsonStringEnumMemberName("unknown")] Unknown,
}

/// <summary>The period a metric value covers: a financial year (April–March), an "as at" date, or a month range.</summary>
public sealed record MetricPeriod(PeriodKind Kind, string Label, DateOnly? From, DateOnly? To)
{
    public string Key => $"{Kind}:{Label}";

    public static readonly MetricPeriod Unknown = new(PeriodKind.Unknown, "unknown", null, null);

    public static MetricPeriod FinancialYear(int startYear) =>
        new(PeriodKind.FinancialYear, $"{startYear}-{(startYear + 1) % 100:00}", new DateOnly(startYear, 4, 1), new DateOnly(startYear + 1, 3, 31));
}

/// <summary>The wire shape: <c>{"kind":"financial_year","label":"2014-15"}</c>, <c>{"kind":"as_at","date":"2016-03-31"}</c>, <c>{"kind":"month_range","from":"2015-04","to":"2015-09"}</c>.</summary>
public sealed partial record PeriodInput(PeriodKind? Kind, string? Label = null, DateOnly? Date = null, string? From = null, string? To = null)
{
    [GeneratedRegex(@"^(\d{4})\s*[-–/]\s*(\d{2}|\d{4})$")]
    private static partial Regex FinancialYearPattern();

    public MetricPeriod Validate(Errors errors)
    {
        switch (Kind)
        {
            case PeriodKind.FinancialYear:
                var match = FinancialYearPattern().Match(Label?.Trim() ?? "");
                if (!match.Success) { errors.Add("period.label", "must be a financial year such as 2014-15."); return MetricPeriod.Unknown; }
                var start = int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture);
                var end = int.Parse(match.Groups[2].Value, CultureInfo.InvariantCulture);
                if ((end < 100 ? end : end % 100) != (start + 1) % 100 || start < 1990 || start > 2100)
                { errors.Add("period.label", "must name two consecutive years such as 2014-15."); return MetricPeriod.Unknown; }
                return MetricPeriod.FinancialYear(start);
            case PeriodKind.AsAt:
                if (Date is not { } date) { errors.Add("period.date", "is required for an as_at period."); return MetricPeriod.Unknown; }
                return new MetricPeriod(PeriodKind.AsAt, date.ToString("yyyy-MM-dd"), date, date);
            case PeriodKind.MonthRange:
                if (!TryMonth(From, out var from)) errors.Add("period.from", "must be a month such as 2015-04.");
                if (!TryMonth(To, out var to)) errors.Add("period.to", "must be a month such as 2015-09.");
                if (errors.Any) return MetricPeriod.Unknown;
                if (to < from) { errors.Add("period.to", "must not be before period.from."); return MetricPeriod.Unknown; }
                return new MetricPeriod(PeriodKind.MonthRange, $"{from:yyyy-MM}..{to:yyyy-MM}", from, to.AddMonths(1).AddDays(-1));
            case PeriodKind.Unknown:
                return MetricPeriod.Unknown;
            default:
                errors.Add("period.kind", "is required: financial_year, as_at, month_range or unknown.");
                return MetricPeriod.Unknown;
        }
    }

    private static bool TryMonth(string? text, out DateOnly month) =>
        DateOnly.TryParseExact(text?.Trim() + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out month);
}
