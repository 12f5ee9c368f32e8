using System.Text.RegularExpressions;

namespace Tracker.Host.Imports.Reports;

/// <summary>A row of a printed judgement table: the area it grades and a pattern for its label as printed.</summary>
internal sealed record TableRow(string Area, string Label)
{
    /// <summary>The label with any run of white space between its words; case as printed, so prose does not match.</summary>
    public Regex Pattern { get; } = new(Label.Replace(" ", @"\s+"), RegexOptions.CultureInvariant);
}

/// <summary>
/// Reads a judgement table from a flattened page: each row's label followed directly by its grade. Rows are looked
/// for in the printed order, each close after the previous grade, so a sentence later on the page cannot pass for a
/// row. A row whose label is printed without a grade right after it is a problem, never a guess.
/// </summary>
internal static class JudgementTable
{
    public static List<ReportJudgement> Read(string flat, int page, IEnumerable<TableRow> rows, string gradeScale,
        List<string> problems, int start = 0, int maxGap = 80)
    {
        var grade = new Regex(@"\G[\s\d.:,]*(?<g>(?i:" + gradeScale + @"))\b", RegexOptions.CultureInvariant);
        var found = new List<ReportJudgement>();
        var cursor = start;
        foreach (var row in rows)
        {
            var label = row.Pattern.Match(flat, cursor);
            if (!label.Success || (found.Count > 0 && label.Index - cursor > maxGap)) continue;
            var g = grade.Match(flat, label.Index + label.Length);
            if (!g.Success || GradeText.Parse(g.Groups["g"].Value) is not { } parsed)
            {
                problems.Add($"Page {page}: \"{label.Value}\" is printed without a readable grade after it.");
                cursor = label.Index + label.Length;
                continue;
            }
            found.Add(new ReportJudgement(row.Area, parsed, g.Groups["g"].Value, page));
            cursor = g.Index + g.Length;
        }
        return found;
    }
}
