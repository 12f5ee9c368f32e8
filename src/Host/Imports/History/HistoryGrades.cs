using Tracker.Domain.Common;

namespace Tracker.Host.Imports.History;

/// <summary>What one grade cell of the official history says: a grade, or one of the scraper's sentinels.</summary>
public enum CellKind { Graded, PreDatesJudgement, NotReportedPostReform, Unreadable, Blank }

public sealed record GradeCell(string Column, string Raw, CellKind Kind, Grade Grade);

public static class HistoryGrades
{
    public const string Overall = "overall_effectiveness_grade";
    public const string Leaders = "impact_of_leaders_grade";
    public const string HelpAndProtection = "help_and_protection_grade";
    public const string InCare = "in_care_grade";
    public const string CareLeavers = "care_leavers_grade";
    public static readonly string[] Columns = [Overall, Leaders, HelpAndProtection, InCare, CareLeavers];

    /// <summary>Reads a cell, or returns null for a value that is neither a grade nor a known sentinel (never guessed).</summary>
    public static GradeCell? Read(string column, string raw)
    {
        var text = string.Join('_', raw.Trim().ToLowerInvariant().Split([' ', '_'], StringSplitOptions.RemoveEmptyEntries));
        return text switch
        {
            "" => new(column, raw, CellKind.Blank, Grade.Unknown),
            "data_unreadable" => new(column, raw, CellKind.Unreadable, Grade.Unknown),
            "inspection_pre_dates_judgement" => new(column, raw, CellKind.PreDatesJudgement, Grade.NotApplicable),
            "not_reported_post_reform" => new(column, raw, CellKind.NotReportedPostReform, Grade.NotReported),
            "outstanding" => new(column, raw, CellKind.Graded, Grade.Outstanding),
            "good" => new(column, raw, CellKind.Graded, Grade.Good),
            "requires_improvement" => new(column, raw, CellKind.Graded, Grade.RequiresImprovement),
            "inadequate" => new(column, raw, CellKind.Graded, Grade.Inadequate),
            _ => null,
        };
    }

    /// <summary>
    /// The first cell whose sentinel or grade the framework could not have produced, with the reason; null when the
    /// row is consistent with it. This is how framework boundaries are checked against what the rows carry.
    /// </summary>
    public static (string Column, string Reason)? Contradiction(FrameworkVersion framework, IReadOnlyDictionary<string, GradeCell> cells)
    {
        foreach (var cell in cells.Values)
        {
            if (framework == FrameworkVersion.Sif2013 && cell.Kind is not (CellKind.Blank or CellKind.Unreadable))
                return (cell.Column, $"'{cell.Raw}' on a sif-2013 row: this source carries no SIF grades.");
            if (cell.Kind == CellKind.NotReportedPostReform && (cell.Column != Overall || framework != FrameworkVersion.Ilacs2026))
                return (cell.Column, $"'{cell.Raw}' is only possible for the overall grade under ilacs-2026, not {framework.ToWire()}.");
            if (cell.Kind == CellKind.PreDatesJudgement && (cell.Column != CareLeavers || framework >= FrameworkVersion.Ilacs2023))
                return (cell.Column, $"'{cell.Raw}' is only possible for care leavers before ilacs-2023, not {framework.ToWire()}.");
        }
        if (framework == FrameworkVersion.Ilacs2018 && cells[CareLeavers].Kind == CellKind.Graded)
            return (CareLeavers, $"'{cells[CareLeavers].Raw}': ilacs-2018 had no separate care leavers judgement.");
        if (framework == FrameworkVersion.Ilacs2026 && cells[Overall].Kind == CellKind.Graded)
            return (Overall, $"'{cells[Overall].Raw}': ilacs-2026 reports carry no overall grade.");
        return null;
    }

    /// <summary>The CSV's grade columns mapped onto the framework's judgement areas.</summary>
    public static Dictionary<string, Grade?> ToAreas(FrameworkVersion framework, IReadOnlyDictionary<string, GradeCell> cells) => framework switch
    {
        FrameworkVersion.Sif2013 => JudgementAreas.For(framework).ToDictionary(a => a, _ => (Grade?)Grade.Unknown),
        FrameworkVersion.Ilacs2018 => new()
        {
            [JudgementAreas.Overall] = cells[Overall].Grade,
            [JudgementAreas.ImpactOfLeaders] = cells[Leaders].Grade,
            [JudgementAreas.HelpAndProtection] = cells[HelpAndProtection].Grade,
            [JudgementAreas.ChildrenInCareAndCareLeavers] = cells[InCare].Grade,
        },
        _ => new()
        {
            [JudgementAreas.Overall] = cells[Overall].Grade,
            [JudgementAreas.ImpactOfLeaders] = cells[Leaders].Grade,
            [JudgementAreas.HelpAndProtection] = cells[HelpAndProtection].Grade,
            [JudgementAreas.ChildrenInCare] = cells[InCare].Grade,
            [JudgementAreas.CareLeavers] = cells[CareLeavers].Grade,
        },
    };

    public static string? ColumnFor(string area) => area switch
    {
        JudgementAreas.Overall => Overall,
        JudgementAreas.ImpactOfLeaders => Leaders,
        JudgementAreas.HelpAndProtection => HelpAndProtection,
        JudgementAreas.ChildrenInCareAndCareLeavers or JudgementAreas.ChildrenInCare => InCare,
        JudgementAreas.CareLeavers => CareLeavers,
        _ => null,
    };
}
