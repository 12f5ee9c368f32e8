using System.Globalization;
using System.Text.RegularExpressions;
using Tracker.Domain.Metrics;
using MetricNames = Tracker.Domain.Metrics.MetricNames;

namespace Tracker.Host.Imports.Metrics;

/// <summary>
/// Reads service figures out of quoted sentences: IRO review timeliness, participation, caseloads, escalations and
/// children seen before their review, and in reports also assessment, initial conference and initial health assessment
/// timeliness and re-referral rates. Each figure gets the period its own words give; where they give none it is
/// unknown. Shared by the IRO summary page and the report reader.
/// </summary>
public static partial class MetricExtractor
{
    [GeneratedRegex(@"(?<![\d.])(\d{1,3}(?:\.\d+)?)\s?%")] private static partial Regex Percent();
    [GeneratedRegex(@"(?<=[.!?])\s+(?=[A-Z‘'(\[])")] private static partial Regex SentenceBreak();
    [GeneratedRegex(@",\s+|;\s+|\s+but\s+")] private static partial Regex ClauseBreak();
    [GeneratedRegex(@"(?:almost(?: at)?|as low as|more than|over|in excess of|up to)\s*$", RegexOptions.IgnoreCase)]
    private static partial Regex Qualifier();
    // "against a national average of 23%", "statistical neighbours at 25% and England at 23%": comparators, not the LA.
    [GeneratedRegex(@"(?:national|England|statistical\s+neighbou?rs?|comparators?|similar\s+areas?|average|regional)\b[^%]{0,25}$", RegexOptions.IgnoreCase)]
    private static partial Regex Comparator();
    // "reducing re-referrals by 25%", "a target of 90%": a change or an aim, not a level the service reached.
    [GeneratedRegex(@"\b(?:by|target of|targets? of|aim of|aims? to reach)\s*$", RegexOptions.IgnoreCase)]
    private static partial Regex ChangeOrTarget();
    [GeneratedRegex(@"(\d[\d,]*)\s+escalations\b", RegexOptions.IgnoreCase)] private static partial Regex Escalations();
    [GeneratedRegex(@"(\d[\d,]*)\s*\((\d{1,3}(?:\.\d+)?)%\)")] private static partial Regex CountWithPercent();
    [GeneratedRegex(@"averag(?:e|es|ing)\s+(?:of\s+)?(\d+)(?:\s*(?:–|-|to)\s*(\d+))?|between\s+(\d+)\s+and\s+(\d+)|of\s+(\d+)\s+to\s+(\d+)\s+children|around\s+(\d+)\s+children per IRO", RegexOptions.IgnoreCase)]
    private static partial Regex Caseload();
    [GeneratedRegex(@"recommend|guidance|handbook", RegexOptions.IgnoreCase)] private static partial Regex GuidanceWords();
    // In a whole report caseloads and escalations are only the IRO service's when the sentence says so.
    [GeneratedRegex(@"\bIROs?\b|independent reviewing", RegexOptions.IgnoreCase)] private static partial Regex IroWords();
    [GeneratedRegex(@"\breviews?\b", RegexOptions.IgnoreCase)] private static partial Regex ReviewWord();

    /// <summary>Every figure in <paramref name="text"/>, sentence by sentence, each quoting its whole sentence.</summary>
    public static IEnumerable<TextMetric> Extract(string text, MetricScope scope = MetricScope.IroService)
    {
        foreach (var sentence in Sentences(text))
        {
            foreach (var m in FromSentence(sentence, scope)) yield return m;
        }
    }

    /// <summary>The text's sentences, trimmed, as the extractor quotes them.</summary>
    public static IEnumerable<string> Sentences(string text) =>
        SentenceBreak().Split(text).Select(s => s.Trim()).Where(s => s.Length > 0);

    private static int CountFigures(string text) => Percent().Matches(text).Count + Escalations().Matches(text).Count;

    private static PeriodInput PeriodFor(string sentence, Match figure, MetricScope scope, string? clause = null) =>
        MetricPeriods.For(sentence, figure, CountFigures, scope, clause);

    private static IEnumerable<TextMetric> FromSentence(string sentence, MetricScope scope)
    {
        var report = scope == MetricScope.Report;
        var aboutIro = !report || IroWords().IsMatch(sentence);
        if (aboutIro)
        {
            foreach (Match m in Escalations().Matches(sentence))
                yield return new TextMetric(MetricNames.Escalations, Number(m.Groups[1].Value), null, null, "count",
                    PeriodFor(sentence, m, scope), sentence);
        }

        if (aboutIro && sentence.Contains("caseload", StringComparison.OrdinalIgnoreCase)
            && Caseload().Match(sentence) is { Success: true } c && !GuidanceWords().IsMatch(sentence[..c.Index]))
        {
            var numbers = Enumerable.Range(1, 7).Select(g => c.Groups[g]).Where(g => g.Success)
                .Select(g => Number(g.Value)).ToList();
            yield return numbers.Count == 1
                ? new TextMetric(MetricNames.Caseload, numbers[0], null, null, "children_per_iro", PeriodFor(sentence, c, scope), sentence)
                : new TextMetric(MetricNames.Caseload, null, numbers[0], numbers[1], "children_per_iro", PeriodFor(sentence, c, scope), sentence);
        }

        if (CountWithPercent().Match(sentence) is { Success: true } seen && sentence.Contains("seen", StringComparison.OrdinalIgnoreCase)
            && (!report || ReviewWord().IsMatch(sentence)))
        {
            yield return new TextMetric(MetricNames.SeenBeforeReview, Number(seen.Groups[2].Value), null, null, "percent",
                PeriodFor(sentence, seen, scope), sentence);
            yield break;
        }

        foreach (var m in Percentages(sentence, scope)) yield return m;
    }

    private static IEnumerable<TextMetric> Percentages(string sentence, MetricScope scope)
    {
        var sentenceKind = MetricSubjects.Kind(sentence, scope);
        var offset = 0;
        foreach (var clause in ClauseBreak().Split(sentence))
        {
            var clauseAt = sentence.IndexOf(clause, offset, StringComparison.Ordinal);
            offset = clauseAt + clause.Length;
            var kind = MetricSubjects.Kind(clause, scope) ?? sentenceKind;
            if (kind is null) continue;
            foreach (Match p in Percent().Matches(clause))
            {
                if (Qualifier().IsMatch(clause[..p.Index])) continue;
                if (scope == MetricScope.Report
                    && (Comparator().IsMatch(clause[..p.Index]) || ChangeOrTarget().IsMatch(clause[..p.Index]))) continue;
                var inSentence = Percent().Match(sentence, clauseAt + p.Index);
                var period = PeriodFor(sentence, inSentence, scope, clause);
                // "from 84% to 99%" with no periods: only the latest figure is an observation.
                if (period.Kind == PeriodKind.Unknown && Regex.IsMatch(clause[(p.Index + p.Length)..], @"^\s*to\s+\d")) continue;
                yield return new TextMetric(kind, Number(p.Groups[1].Value), null, null, "percent", period, sentence);
            }
        }
    }

    private static decimal Number(string text) => decimal.Parse(text.Replace(",", ""), CultureInfo.InvariantCulture);
}
