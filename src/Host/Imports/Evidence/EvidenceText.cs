using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace Tracker.Host.Imports.Evidence;

/// <summary>
/// Text reduced to lower-case words and numbers, so a sentence quoted on a web page is found in a PDF's text despite
/// line breaks, hyphenation, curly quotes and dashes.
/// </summary>
public static partial class EvidenceText
{
    /// <summary>A sentence shorter than this many words is too common to tell one report from another.</summary>
    public const int MinimumWords = 8;

    [GeneratedRegex(@"(?<=[.!?])\s+(?=[A-Z‘'""(\[])")] private static partial Regex SentenceBreak();
    [GeneratedRegex(@"-\s*\n\s*")] private static partial Regex LineHyphen();
    [GeneratedRegex(@"\.(?!\d)")] private static partial Regex NotADecimalPoint();

    public static string Normalise(string text)
    {
        var joined = LineHyphen().Replace(text, "");
        var folded = new StringBuilder(joined.Length);
        var space = true;
        foreach (var c in joined.Normalize(NormalizationForm.FormKC))
        {
            if (char.IsLetterOrDigit(c)) { folded.Append(char.ToLower(c, CultureInfo.InvariantCulture)); space = false; }
            else if (c is '%' or '.' && folded.Length > 0 && char.IsDigit(folded[^1])) { folded.Append(c); space = false; }
            else if (!space) { folded.Append(' '); space = true; }
        }
        return string.Join(' ', NotADecimalPoint().Replace(folded.ToString(), "").Split(' ', StringSplitOptions.RemoveEmptyEntries));
    }

    /// <summary>
    /// The sentences of a quote that can serve as evidence: long enough, and more than figures. A percentage alone
    /// appears in many reports, so it never is.
    /// </summary>
    public static IEnumerable<string> Sentences(string quote) =>
        SentenceBreak().Split(quote).Select(Normalise)
            .Where(s => s.Split(' ').Count(w => w.Any(char.IsLetter)) >= MinimumWords)
            .Distinct(StringComparer.Ordinal);
}
