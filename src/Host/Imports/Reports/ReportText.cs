using System.Text.RegularExpressions;

namespace Tracker.Host.Imports.Reports;

/// <summary>The text of a readable PDF, page by page (index 0 is page 1), and the file's SHA-256 in lowercase hex.</summary>
public sealed partial record ReportText(string Sha256, IReadOnlyList<string> Pages)
{
    [GeneratedRegex(@"\s+")] private static partial Regex Space();
    [GeneratedRegex(@"^\d{1,3}$")] private static partial Regex PageNumber();

    /// <summary>
    /// A page as one line: lines trimmed, bare page numbers dropped, runs of white space made one space. The layout
    /// reader puts a grade on its own line or beside its label depending on the table; one line hides the difference.
    /// </summary>
    public static string Flatten(string page)
    {
        var lines = Lines(page).Where(l => !PageNumber().IsMatch(l));
        return Space().Replace(string.Join(' ', lines), " ").Trim();
    }

    public static IEnumerable<string> Lines(string page) =>
        page.Replace('\u00A0', ' ').Replace("\r", "").Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0);
}
