using System.Text;
using System.Text.RegularExpressions;

namespace Tracker.Host.Imports.Reports;

/// <summary>A run of body text: a numbered paragraph, or the unnumbered text before one. Page offsets map back to pages.</summary>
internal sealed record BodyBlock(int? Number, string Text, IReadOnlyList<(int Offset, int Page)> PageStarts)
{
    public int Page => PageStarts[0].Page;

    public int PageAt(int offset) => PageStarts.Last(p => p.Offset <= offset || p == PageStarts[0]).Page;
}

/// <summary>
/// The report's body as paragraphs, with running headers and footers removed so a paragraph that crosses a page reads
/// on. A header or footer is a line that recurs on several pages once its digits are ignored (page numbers, dates).
/// </summary>
internal static partial class ReportBody
{
    [GeneratedRegex(@"^(?<n>\d{1,3})\.\s+(?=[A-Z‘'“(])")] private static partial Regex Numbered();
    [GeneratedRegex(@"\d+")] private static partial Regex Digits();
    [GeneratedRegex(@"^\d{1,3}$")] private static partial Regex PageNumber();
    [GeneratedRegex(@"^(.*[.!?:;)”’'])\s+[^.!?]*$")] private static partial Regex TrailingHeading();

    public static List<BodyBlock> Blocks(IReadOnlyList<string> pages)
    {
        var lines = pages.Select(p => ReportText.Lines(p).ToList()).ToList();
        var recurring = lines.SelectMany(l => l.Select(Key).Distinct()).GroupBy(k => k)
            .Where(g => g.Count() >= Math.Max(3, pages.Count / 3)).Select(g => g.Key).ToHashSet();
        var blocks = new List<BodyBlock>();
        var text = new StringBuilder();
        var starts = new List<(int, int)>();
        int? number = null;
        var last = 0;
        var previous = "";

        void Close()
        {
            if (text.Length > 0) blocks.Add(new BodyBlock(number, Trim(text.ToString().Trim(), number), starts.ToList()));
            text.Clear();
            starts.Clear();
        }

        // Page 1 holds the title and judgement table, whose "1." to "3." are not paragraphs.
        for (var p = 1; p < lines.Count; p++)
        {
            foreach (var line in lines[p].Where(l => !recurring.Contains(Key(l)) && !PageNumber().IsMatch(l)))
            {
                if (Numbered().Match(line) is { Success: true } n && Follows(int.Parse(n.Groups["n"].Value,
                        System.Globalization.CultureInfo.InvariantCulture), last) is { } next)
                {
                    Close();
                    number = last = next;
                    starts.Add((0, p + 1));
                    text.Append(line[n.Length..]);
                    previous = line;
                    continue;
                }
                if (number is not null && IsHeading(line, previous))
                {
                    Close();
                    number = null;
                }
                previous = line;
                if (text.Length == 0 || starts.Count == 0 || starts[^1].Item2 != p + 1) starts.Add((text.Length, p + 1));
                if (text.Length > 0) text.Append(text[^1] == '-' && !line.StartsWith(' ') ? "" : " ");
                text.Append(line);
            }
        }
        Close();
        return blocks;
    }

    /// <summary>
    /// A paragraph number continues the count (a gap of up to two allows a missed one; 1 restarts a list). Anything
    /// else is a line that happens to start with a number, such as the "14." of "2013–" broken before "14.".
    /// </summary>
    private static int? Follows(int n, int last) => n > last && n <= last + 3 || n == 1 ? n : null;

    /// <summary>A short line without closing punctuation after a finished sentence is a heading, which ends a paragraph.</summary>
    private static bool IsHeading(string line, string previous) =>
        line.Length < 70 && char.IsUpper(line[0]) && !".,;:!?".Contains(line[^1]) && ".:!?)".Contains(previous[^1]);

    private static string Key(string line) => Digits().Replace(line, "#");

    /// <summary>A numbered paragraph runs to the next number; a heading caught at its end is cut after the last sentence.</summary>
    private static string Trim(string text, int? number) =>
        number is not null && TrailingHeading().Match(text) is { Success: true } m ? m.Groups[1].Value : text;
}
