using System.Text.RegularExpressions;
using Tracker.Domain.Common;

namespace Tracker.Host.Imports.Reports;

/// <summary>
/// SIF page 1: the overall sentence ("Children's services in X are good", "The overall judgement is requires
/// improvement"), the numbered areas 1 to 3 with 2.1 and 2.2, and (2013–14 reports) the LSCB's effectiveness.
/// </summary>
internal static partial class SifJudgements
{
    private static readonly TableRow[] Rows =
    [
        new(JudgementAreas.HelpAndProtection, @"1\. Children who need help and protection"),
        new(JudgementAreas.ChildrenLookedAfter, @"2\. Children looked after and achieving permanence"),
        new(JudgementAreas.Adoption, @"2\.1 Adoption performance"),
        new(JudgementAreas.CareLeavers, @"2\.2 Experiences and progress of (?:care|Care) (?:leavers|Leavers)"),
        new(JudgementAreas.Leadership, @"3\. Leadership, management and governance"),
    ];

    [GeneratedRegex(@"Children[’']s services in .{1,80}? (?:(?:are|is)\s+)?(?<g>(?i:" + GradeText.Sif + @"))\b|The overall judgement is (?:that children[’']s services (?:are |is )?)?(?<g>(?i:" + GradeText.Sif + @"))\b")]
    private static partial Regex Overall();

    // Page 1 in 2013–14 ("The effectiveness of the Local Safeguarding Children Board (LSCB) is good"); later reports
    // head their LSCB section "The Local Safeguarding Children Board (LSCB) The Local Safeguarding Children Board is …".
    [GeneratedRegex(@"Local Safeguarding Children Board(?: \(LSCB\))? (?:is )?(?<g>(?i:" + GradeText.Sif + @"))\b", RegexOptions.IgnoreCase)]
    private static partial Regex Lscb();

    public static List<ReportJudgement> Read(string flatPage1, List<string> problems)
    {
        var found = new List<ReportJudgement>();
        if (Overall().Match(flatPage1) is { Success: true } o && GradeText.Parse(o.Groups["g"].Value) is { } overall)
            found.Add(new ReportJudgement(JudgementAreas.Overall, overall, o.Groups["g"].Value, 1));
        else problems.Add("Page 1: the overall judgement sentence could not be read.");
        found.AddRange(JudgementTable.Read(flatPage1, 1, Rows, GradeText.Sif, problems));
        return found;
    }

    /// <summary>The LSCB's effectiveness: page 1 first, then the report's LSCB section. Null when neither prints it.</summary>
    public static ReportJudgement? ReadLscb(IReadOnlyList<string> flatPages)
    {
        for (var i = 0; i < flatPages.Count; i++)
        {
            if (Lscb().Match(flatPages[i]) is { Success: true } m && GradeText.Parse(m.Groups["g"].Value) is { } grade)
                return new ReportJudgement("lscb_effectiveness", grade, m.Groups["g"].Value, i + 1);
        }
        return null;
    }
}
