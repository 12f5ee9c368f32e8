using Tracker.Domain.Common;

namespace Tracker.Host.Imports.Reports;

/// <summary>
/// The ILACS table on page 1 ("Judgement Grade" then a row per area). Which rows are printed tells the framework:
/// one row for children in care and care leavers is ILACS 2018; separate rows with an overall grade ILACS 2023;
/// separate rows and no overall grade ILACS 2026.
/// </summary>
internal static class IlacsJudgements
{
    private static readonly TableRow[] Rows =
    [
        new(JudgementAreas.ImpactOfLeaders, "The impact of leaders on (?:social work )?practice with children and families"),
        new(JudgementAreas.HelpAndProtection, "The experiences and progress of children who need help and protection"),
        new(JudgementAreas.ChildrenInCareAndCareLeavers, "The experiences and progress of children in care and care leavers"),
        new(JudgementAreas.ChildrenInCare, "The experiences and progress of children in care(?! and care leavers)"),
        // Bradford's 2026 report prints "children care leavers".
        new(JudgementAreas.CareLeavers, "The experiences and progress of (?:children )?care leavers"),
        new(JudgementAreas.Overall, "Overall effectiveness"),
    ];

    private static readonly string[] Ilacs2018 =
        [JudgementAreas.ImpactOfLeaders, JudgementAreas.HelpAndProtection, JudgementAreas.ChildrenInCareAndCareLeavers, JudgementAreas.Overall];
    private static readonly string[] Ilacs2023 =
        [JudgementAreas.ImpactOfLeaders, JudgementAreas.HelpAndProtection, JudgementAreas.ChildrenInCare, JudgementAreas.CareLeavers, JudgementAreas.Overall];
    private static readonly string[] Ilacs2026 = Ilacs2023[..^1];

    public static (List<ReportJudgement> Judgements, FrameworkVersion? Framework) Read(string flatPage1, List<string> problems)
    {
        var start = flatPage1.IndexOf("Judgement Grade", StringComparison.OrdinalIgnoreCase);
        var found = JudgementTable.Read(flatPage1, 1, Rows, GradeText.Sif, problems, Math.Max(start, 0));
        var areas = found.Select(j => j.Area).ToArray();
        FrameworkVersion? framework = areas.SequenceEqual(Ilacs2018) ? FrameworkVersion.Ilacs2018
            : areas.SequenceEqual(Ilacs2023) ? FrameworkVersion.Ilacs2023
            : areas.SequenceEqual(Ilacs2026) ? FrameworkVersion.Ilacs2026
            : null;
        if (framework is null)
            problems.Add($"Page 1: the judgement rows read ({string.Join(", ", areas)}) match no ILACS framework.");
        if (framework == FrameworkVersion.Ilacs2026)
            found.Insert(0, new ReportJudgement(JudgementAreas.Overall, Grade.NotReported, null, 1));
        else if (framework is not null)
            found = [found[^1], .. found[..^1]]; // overall first, the order JudgementAreas.For lists
        return (found, framework);
    }
}
