using Tracker.Domain.Common;

namespace Tracker.Host.Imports.Reports;

/// <summary>
/// "Inspection of looked after children services" prints no grades on page 1: they are in the "Record of main
/// findings" table near the end, on the four-point scale with adequate.
/// </summary>
internal static class LacJudgements
{
    private static readonly TableRow[] Rows =
    [
        new(JudgementAreas.Overall, "Overall effectiveness"),
        new(JudgementAreas.CapacityToImprove, "Capacity (?:to|for) improve(?:ment)?"),
        new(JudgementAreas.OutcomesForLookedAfterChildren, "Outcomes for looked after children (?:and young people)?"),
        new(JudgementAreas.QualityOfProvision, "Quality of provision"),
        new(JudgementAreas.LeadershipAndManagement, "Leadership and management"),
    ];

    public static List<ReportJudgement> Read(IReadOnlyList<string> flatPages, List<string> problems)
    {
        // The contents page names the record too, so take the last page that carries it.
        for (var i = flatPages.Count - 1; i >= 0; i--)
        {
            var at = flatPages[i].IndexOf("Record of main findings", StringComparison.OrdinalIgnoreCase);
            if (at < 0) continue;
            var found = JudgementTable.Read(flatPages[i], i + 1, Rows, GradeText.Lac, problems, at);
            var missing = Rows.Select(r => r.Area).Except(found.Select(j => j.Area)).ToList();
            if (missing.Count > 0) problems.Add($"Page {i + 1}: the record of main findings has no grade for {string.Join(", ", missing)}.");
            return found;
        }
        problems.Add("The report has no \"Record of main findings\" table.");
        return [];
    }
}
