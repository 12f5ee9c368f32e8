using System.Globalization;
using System.Text.RegularExpressions;
using Tracker.Domain.Metrics;

namespace Tracker.Host.Imports.Metrics;

/// <summary>
/// Finds the period a figure's own words give: right after the figure, at the head of the sentence, or the only one
/// in the clause or sentence. Where the words give none the period is unknown; a period is never inferred.
/// </summary>
internal static partial class MetricPeriods
{
    private const string Month =
        "January|February|March|April|May|June|July|August|September|October|November|December";

    // "2013–14", "2013-2014", "2013– 14" (a line break inside the year) and, in reports, "2014/15".
    [GeneratedRegex(@"\b(20\d\d)\s*[–\-/]\s*(\d{4}|\d{2})\b")] private static partial Regex FinancialYear();
    [GeneratedRegex(@"\b(?:as at|at)\s+(\d{1,2})\s+(" + Month + @")\s+(20\d\d)\b", RegexOptions.IgnoreCase)]
    private static partial Regex AsAt();
    [GeneratedRegex(@"\b(" + Month + @")\s+to\s+(" + Month + @")\s+(20\d\d)\b")] private static partial Regex MonthSpan();
    [GeneratedRegex(@"\b(?:in|as of|as at|by)\s+(" + Month + @")\s+(20\d\d)\b", RegexOptions.IgnoreCase)]
    private static partial Regex SingleMonth();
    [GeneratedRegex(@"^[^%\d]{0,30}?\bin\s(?=20\d\d|" + Month + ")")] private static partial Regex PeriodRightAfter();
    // Reports also date a figure with "as at September 2015" or "at the end of March 2015" right after it.
    [GeneratedRegex(@"^[^%\d]{0,30}?\b(?:in|as at|as of|at the end of|by|during)\s(?=20\d\d|(?:\d{1,2}\s+)?(?:"
        + Month + "))", RegexOptions.IgnoreCase)]
    private static partial Regex ReportPeriodRightAfter();
    [GeneratedRegex(@"^(?:In|During|As of|As at|At|By the end of|In the period)\s")] private static partial Regex LeadingPeriod();

    public static PeriodInput For(string sentence, Match figure, Func<string, int> countFigures, MetricScope scope,
        string? clause = null)
    {
        var after = sentence[(figure.Index + figure.Length)..];
        if (scope == MetricScope.Report) return ForReport(sentence, figure, after, countFigures, clause);
        var rightAfter = PeriodRightAfter();
        if (rightAfter.Match(after) is { Success: true } right
            && At(after[(right.Index + right.Length - 3)..], 24) is { } p1) return p1;
        if (LeadingPeriod().IsMatch(sentence) && At(sentence, 40) is { } p2) return p2;
        foreach (var scopeText in new[] { clause, sentence })
        {
            if (scopeText is null || countFigures(scopeText) > 1) continue;
            if (All(scopeText).ToList() is [var only]) return only;
        }
        return new PeriodInput(PeriodKind.Unknown);
    }

    /// <summary>
    /// In reports a figure's period is read only up to the next figure ("from 46% in 2014 to 93% as at September
    /// 2015" must not give 46% September's date), and a clause with its own dating ("for quarter 1 of 2015–16")
    /// overrides the sentence's leading period; a quarter is not a period Tracker stores, so it stays unknown.
    /// </summary>
    private static PeriodInput ForReport(string sentence, Match figure, string after, Func<string, int> countFigures,
        string? clause)
    {
        var next = after.IndexOf('%');
        var own = next < 0 ? after : after[..next];
        if (ReportPeriodRightAfter().Match(own) is { Success: true } right && At(own[right.Index..], 40) is { } p1) return p1;
        if (clause is not null && clause != sentence)
        {
            if (Quarter().IsMatch(clause)) return new PeriodInput(PeriodKind.Unknown);
            if (countFigures(clause) == 1 && All(clause).ToList() is [var only]) return only;
        }
        if (LeadingPeriod().IsMatch(sentence) && At(sentence, 40) is { } p2) return p2;
        if (countFigures(sentence) == 1 && All(sentence).ToList() is [var single]) return single;
        return new PeriodInput(PeriodKind.Unknown);
    }

    [GeneratedRegex(@"\bquarter\b|\bQ[1-4]\b", RegexOptions.IgnoreCase)] private static partial Regex Quarter();

    private static PeriodInput? At(string text, int within) => All(text[..Math.Min(text.Length, within)]).FirstOrDefault();

    public static IEnumerable<PeriodInput> All(string text)
    {
        foreach (Match m in FinancialYear().Matches(text))
        {
            var start = int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture);
            var end = m.Groups[2].Value;
            if (int.Parse(end[^2..], CultureInfo.InvariantCulture) == (start + 1) % 100)
                yield return new PeriodInput(PeriodKind.FinancialYear, $"{start}-{end[^2..]}");
        }
        foreach (Match m in AsAt().Matches(text))
            yield return new PeriodInput(PeriodKind.AsAt, Label: m.Groups[3].Value, Date: DateOnly.ParseExact(
                $"{m.Groups[1].Value} {m.Groups[2].Value} {m.Groups[3].Value}", "d MMMM yyyy", CultureInfo.InvariantCulture));
        foreach (Match m in MonthSpan().Matches(text))
            yield return MonthRange(m.Groups[1].Value, m.Groups[2].Value, m.Groups[3].Value);
        foreach (Match m in SingleMonth().Matches(text))
            if (!AsAt().IsMatch(text)) yield return MonthRange(m.Groups[1].Value, m.Groups[1].Value, m.Groups[2].Value);
    }

    private static PeriodInput MonthRange(string from, string to, string year)
    {
        string MonthOf(string name) =>
            $"{year}-{DateTime.ParseExact(name, "MMMM", CultureInfo.InvariantCulture).Month:00}";
        return new PeriodInput(PeriodKind.MonthRange, Label: year, From: MonthOf(from), To: MonthOf(to));
    }
}
