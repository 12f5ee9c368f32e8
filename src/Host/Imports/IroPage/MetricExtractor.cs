using System.Globalization;
using System.Text.RegularExpressions;
using Tracker.Domain.Metrics;
using MetricNames = Tracker.Domain.Metrics.MetricNames;

namespace Tracker.Host.Imports.IroPage;

/// <summary>
/// Reads IRO figures out of quoted sentences: review timeliness, participation, caseloads, escalations and children
/// seen before their review. Each figure gets the period its own words give; where they give none it is unknown.
/// </summary>
public static partial class MetricExtractor
{
    private const string Month = "January|February|March|April|May|June|July|August|September|October|November|December";

    [GeneratedRegex(@"(?<![\d.])(\d{1,3}(?:\.\d+)?)\s?%")] private static partial Regex Percent();
    [GeneratedRegex(@"(?<=[.!?])\s+(?=[A-Z‘'(\[])")] private static partial Regex SentenceBreak();
    [GeneratedRegex(@",\s+|;\s+|\s+but\s+")] private static partial Regex ClauseBreak();
    [GeneratedRegex(@"(?:almost(?: at)?|as low as|more than|over|in excess of|up to)\s*$", RegexOptions.IgnoreCase)] private static partial Regex Qualifier();
    [GeneratedRegex(@"\b(20\d\d)\s*[–-]\s*(\d{4}|\d{2})\b")] private static partial Regex FinancialYear();
    [GeneratedRegex(@"\b(?:as at|at)\s+(\d{1,2})\s+(" + Month + @")\s+(20\d\d)\b", RegexOptions.IgnoreCase)] private static partial Regex AsAt();
    [GeneratedRegex(@"\b(" + Month + @")\s+to\s+(" + Month + @")\s+(20\d\d)\b")] private static partial Regex MonthSpan();
    [GeneratedRegex(@"\b(?:in|as of|as at|by)\s+(" + Month + @")\s+(20\d\d)\b", RegexOptions.IgnoreCase)] private static partial Regex SingleMonth();
    [GeneratedRegex(@"^[^%\d]{0,30}?\bin\s(?=20\d\d|" + Month + ")")] private static partial Regex PeriodRightAfter();
    [GeneratedRegex(@"^(?:In|During|As of|As at|At|By the end of|In the period)\s")] private static partial Regex LeadingPeriod();
    [GeneratedRegex(@"(\d[\d,]*)\s+escalations\b", RegexOptions.IgnoreCase)] private static partial Regex Escalations();
    [GeneratedRegex(@"(\d[\d,]*)\s*\((\d{1,3}(?:\.\d+)?)%\)")] private static partial Regex CountWithPercent();
    [GeneratedRegex(@"averag(?:e|es|ing)\s+(?:of\s+)?(\d+)(?:\s*(?:–|-|to)\s*(\d+))?|between\s+(\d+)\s+and\s+(\d+)|of\s+(\d+)\s+to\s+(\d+)\s+children|around\s+(\d+)\s+children per IRO", RegexOptions.IgnoreCase)]
    private static partial Regex Caseload();
    [GeneratedRegex(@"timescale|timeframe|on time|timeliness|timely|within statutory|completed within|completion of|held within", RegexOptions.IgnoreCase)] private static partial Regex TimelinessWords();
    [GeneratedRegex(@"particip|attend|provided their views|views were represented|views are formally", RegexOptions.IgnoreCase)] private static partial Regex ParticipationWords();
    [GeneratedRegex(@"recommend|guidance|handbook", RegexOptions.IgnoreCase)] private static partial Regex GuidanceWords();

    public static IEnumerable<PageMetric> Extract(int line, string finding)
    {
        foreach (var sentence in SentenceBreak().Split(finding))
        {
            foreach (var m in FromSentence(line, sentence.Trim())) yield return m;
        }
    }

    private static IEnumerable<PageMetric> FromSentence(int line, string sentence)
    {
        foreach (Match m in Escalations().Matches(sentence))
            yield return new PageMetric(line, MetricNames.Escalations, Number(m.Groups[1].Value), null, null, "count", PeriodFor(sentence, m), sentence);

        if (sentence.Contains("caseload", StringComparison.OrdinalIgnoreCase) && Caseload().Match(sentence) is { Success: true } c
            && !GuidanceWords().IsMatch(sentence[..c.Index]))
        {
            var numbers = Enumerable.Range(1, 7).Select(g => c.Groups[g]).Where(g => g.Success).Select(g => Number(g.Value)).ToList();
            yield return numbers.Count == 1
                ? new PageMetric(line, MetricNames.Caseload, numbers[0], null, null, "children_per_iro", PeriodFor(sentence, c), sentence)
                : new PageMetric(line, MetricNames.Caseload, null, numbers[0], numbers[1], "children_per_iro", PeriodFor(sentence, c), sentence);
        }

        if (CountWithPercent().Match(sentence) is { Success: true } seen && sentence.Contains("seen", StringComparison.OrdinalIgnoreCase))
        {
            yield return new PageMetric(line, MetricNames.SeenBeforeReview, Number(seen.Groups[2].Value), null, null, "percent", PeriodFor(sentence, seen), sentence);
            yield break;
        }

        var sentenceKind = Kind(sentence);
        var offset = 0;
        foreach (var clause in ClauseBreak().Split(sentence))
        {
            var clauseAt = sentence.IndexOf(clause, offset, StringComparison.Ordinal);
            offset = clauseAt + clause.Length;
            var kind = Kind(clause) ?? sentenceKind;
            if (kind is null) continue;
            foreach (Match p in Percent().Matches(clause))
            {
                if (Qualifier().IsMatch(clause[..p.Index])) continue;
                var inSentence = Percent().Match(sentence, clauseAt + p.Index);
                var period = PeriodFor(sentence, inSentence, clause);
                // "from 84% to 99%" with no periods: only the latest figure is an observation.
                if (period.Kind == PeriodKind.Unknown && Regex.IsMatch(clause[(p.Index + p.Length)..], @"^\s*to\s+\d")) continue;
                yield return new PageMetric(line, kind, Number(p.Groups[1].Value), null, null, "percent", period, sentence);
            }
        }
    }

    private static string? Kind(string text) =>
        TimelinessWords().IsMatch(text) ? MetricNames.ReviewTimeliness : ParticipationWords().IsMatch(text) ? MetricNames.Participation : null;

    /// <summary>The period the words give: right after the figure, at the head of the sentence, or the only one in the clause or sentence.</summary>
    private static PeriodInput PeriodFor(string sentence, Match figure, string? clause = null)
    {
        var after = sentence[(figure.Index + figure.Length)..];
        if (PeriodRightAfter().Match(after) is { Success: true } right && PeriodAt(after[(right.Index + right.Length - 3)..], 24) is { } p1) return p1;
        if (LeadingPeriod().IsMatch(sentence) && PeriodAt(sentence, 40) is { } p2) return p2;
        foreach (var scope in new[] { clause, sentence })
        {
            if (scope is null || Percent().Matches(scope).Count + Escalations().Matches(scope).Count > 1) continue;
            if (Periods(scope).ToList() is [var only]) return only;
        }
        return new PeriodInput(PeriodKind.Unknown);
    }

    private static PeriodInput? PeriodAt(string text, int within) => Periods(text[..Math.Min(text.Length, within)]).FirstOrDefault();

    private static IEnumerable<PeriodInput> Periods(string text)
    {
        foreach (Match m in FinancialYear().Matches(text))
        {
            var start = int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture);
            var end = m.Groups[2].Value;
            if (int.Parse(end[^2..], CultureInfo.InvariantCulture) == (start + 1) % 100)
                yield return new PeriodInput(PeriodKind.FinancialYear, $"{start}-{end[^2..]}");
        }
        foreach (Match m in AsAt().Matches(text))
            yield return new PeriodInput(PeriodKind.AsAt, Label: m.Groups[3].Value, Date: DateOnly.ParseExact($"{m.Groups[1].Value} {m.Groups[2].Value} {m.Groups[3].Value}", "d MMMM yyyy", CultureInfo.InvariantCulture));
        foreach (Match m in MonthSpan().Matches(text))
            yield return MonthRange(m.Groups[1].Value, m.Groups[2].Value, m.Groups[3].Value);
        foreach (Match m in SingleMonth().Matches(text))
            if (!AsAt().IsMatch(text)) yield return MonthRange(m.Groups[1].Value, m.Groups[1].Value, m.Groups[2].Value);
    }

    private static PeriodInput MonthRange(string from, string to, string year)
    {
        string Month(string name) => $"{year}-{DateTime.ParseExact(name, "MMMM", CultureInfo.InvariantCulture).Month:00}";
        return new PeriodInput(PeriodKind.MonthRange, Label: year, From: Month(from), To: Month(to));
    }

    private static decimal Number(string text) => decimal.Parse(text.Replace(",", ""), CultureInfo.InvariantCulture);
}
