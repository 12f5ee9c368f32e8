using System.Globalization;
using System.Text.RegularExpressions;

namespace Tracker.Host.Imports.Reports;

/// <summary>The fieldwork dates and publication date as page 1 prints them.</summary>
public sealed record PrintedDates(
    string? FieldworkText, DateOnly? Start, DateOnly? End, int? FieldworkDays, string? PublishedText, DateOnly? PublishedOn);

/// <summary>
/// Reads "Inspection date(s): …" in every form the reports use: "9–24 November 2017", "18 Feb 2014 – 12 March 2014",
/// "13 November 2017 to 24 November 2017", "6 November – 30 November 2017", and split fieldwork
/// ("8 July 2019 to 12 July 2019 and 7 August 2019 to 8 August 2019"). A date missing its month or year takes them
/// from the next date that has them, as the printed range means.
/// </summary>
internal static partial class DateReader
{
    private const string Months = "Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?";

    [GeneratedRegex(@"Inspection dates?:?\s*(?<text>.+?)\s*(?=Report published|Published:|Lead inspector|Reporting inspector|Judgement Grade|The overall|Children[’']s services in|Age group|$)", RegexOptions.IgnoreCase)]
    private static partial Regex FieldworkLine();
    [GeneratedRegex(@"(?:Report published|Published):?\s*(?<text>\d{1,2}\s+(?:" + Months + @")\s+\d{4})", RegexOptions.IgnoreCase)]
    private static partial Regex PublishedLine();
    [GeneratedRegex(@"(?<![\d])(?<d>\d{1,2})(?!\d)(?:\s+(?<m>" + Months + @")\b)?(?:\s+(?<y>(?:19|20)\d\d)\b)?", RegexOptions.IgnoreCase)]
    private static partial Regex DatePart();
    [GeneratedRegex(@"\s+and\s+", RegexOptions.IgnoreCase)] private static partial Regex SpanBreak();

    public static PrintedDates Read(string flatPage1, List<string> problems)
    {
        string? fieldworkText = null;
        DateOnly? start = null, end = null;
        int? days = null;
        if (FieldworkLine().Match(flatPage1) is { Success: true } f)
        {
            fieldworkText = f.Groups["text"].Value.Trim();
            var spans = SpanBreak().Split(fieldworkText).Select(Span).ToList();
            if (spans.Any(s => s is null)) problems.Add($"Fieldwork dates \"{fieldworkText}\" could not be read.");
            else
            {
                start = spans[0]!.Value.From;
                end = spans[^1]!.Value.To;
                days = spans.Sum(s => s!.Value.To.DayNumber - s.Value.From.DayNumber + 1);
                if (spans.Any(s => s!.Value.To < s.Value.From) || end < start)
                {
                    problems.Add($"Fieldwork dates \"{fieldworkText}\" run backwards.");
                    (start, end, days) = (null, null, null);
                }
            }
        }
        else problems.Add("Page 1 prints no \"Inspection date(s):\" line.");

        string? publishedText = null;
        DateOnly? published = null;
        if (PublishedLine().Match(flatPage1) is { Success: true } p)
        {
            publishedText = p.Groups["text"].Value;
            published = Dates(publishedText) is [var only] ? only : null;
            if (published is null) problems.Add($"Publication date \"{publishedText}\" could not be read.");
        }
        return new PrintedDates(fieldworkText, start, end, days, publishedText, published);
    }

    /// <summary>One "from – to" span: its first and last date, or null when either cannot be completed.</summary>
    private static (DateOnly From, DateOnly To)? Span(string text) =>
        Dates(text) is { Count: >= 1 } dates ? (dates[0], dates[^1]) : null;

    private static List<DateOnly>? Dates(string text)
    {
        var parts = DatePart().Matches(text).Select(m => (Day: int.Parse(m.Groups["d"].Value, CultureInfo.InvariantCulture),
            Month: m.Groups["m"].Success ? Month(m.Groups["m"].Value) : (int?)null,
            Year: m.Groups["y"].Success ? int.Parse(m.Groups["y"].Value, CultureInfo.InvariantCulture) : (int?)null)).ToList();
        if (parts.Count == 0) return null;
        var dates = new List<DateOnly>();
        for (var i = 0; i < parts.Count; i++)
        {
            var month = parts[i].Month ?? parts.Skip(i + 1).Select(p => p.Month).FirstOrDefault(m => m is not null);
            var year = parts[i].Year ?? parts.Skip(i + 1).Select(p => p.Year).FirstOrDefault(y => y is not null);
            if (month is null || year is null || parts[i].Day > DateTime.DaysInMonth(year.Value, month.Value)) return null;
            dates.Add(new DateOnly(year.Value, month.Value, parts[i].Day));
        }
        return dates;
    }

    private static int Month(string name) => name[..3].ToLowerInvariant() switch
    {
        "jan" => 1, "feb" => 2, "mar" => 3, "apr" => 4, "may" => 5, "jun" => 6,
        "jul" => 7, "aug" => 8, "sep" => 9, "oct" => 10, "nov" => 11, _ => 12,
    };
}
