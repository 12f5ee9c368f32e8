using Tracker.Domain.Common;
using Tracker.Domain.DataQuality;

namespace Tracker.Host.Imports.History;

/// <summary>What one grade cell of the official history says: a grade, one of the scraper's sentinels, or something else.</summary>
public enum CellKind { Graded, PreDatesJudgement, NotReportedPostReform, Unreadable, Blank, Unrecognised }

public sealed record GradeCell(string Column, string Raw, CellKind Kind, Grade Grade)
{
    /// <summary>The scraper could read nothing here: no note, the grade is simply unknown.</summary>
    public bool IsEmpty => Kind is CellKind.Blank or CellKind.Unreadable;
}

public static class HistoryGrades
{
    public const string Overall = "overall_effectiveness_grade";
    public const string Leaders = "impact_of_leaders_grade";
    public const string HelpAndProtection = "help_and_protection_grade";
    public const string InCare = "in_care_grade";
    public const string CareLeavers = "care_leavers_grade";
    public static readonly string[] Columns = [Overall, Leaders, HelpAndProtection, InCare, CareLeavers];

    /// <summary>Reads a cell. A value that is neither a grade nor a known sentinel is <see cref="CellKind.Unrecognised"/>.</summary>
    public static GradeCell Read(string column, string raw)
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
            _ => new(column, raw, CellKind.Unrecognised, Grade.Unknown),
        };
    }

    /// <summary>The columns each framework's areas are read from. ILACS 2018's one care judgement comes from in_care.</summary>
    private static string? ColumnOf(FrameworkVersion framework, string area) => (framework, area) switch
    {
        (_, JudgementAreas.Overall) => Overall,
        (>= FrameworkVersion.Ilacs2018, JudgementAreas.ImpactOfLeaders) => Leaders,
        (>= FrameworkVersion.Sif2013, JudgementAreas.HelpAndProtection) => HelpAndProtection,
        (FrameworkVersion.Ilacs2018, JudgementAreas.ChildrenInCareAndCareLeavers) => InCare,
        (>= FrameworkVersion.Ilacs2023, JudgementAreas.ChildrenInCare) => InCare,
        (FrameworkVersion.Sif2013 or >= FrameworkVersion.Ilacs2023, JudgementAreas.CareLeavers) => CareLeavers,
        _ => null,
    };

    /// <summary>
    /// The framework's areas filled from the cells, every cell that does not fit becoming unknown with a note. Cells
    /// the framework has no area for are noted when they say something; empty ones are not.
    /// </summary>
    public static Dictionary<string, Grade?> ToAreas(FrameworkVersion framework, IReadOnlyDictionary<string, GradeCell> cells,
        List<DataQualityNote> notes)
    {
        var areas = new Dictionary<string, Grade?>(StringComparer.Ordinal);
        var used = new HashSet<string>(StringComparer.Ordinal);
        foreach (var area in JudgementAreas.For(framework))
        {
            var column = ColumnOf(framework, area);
            areas[area] = column is null ? Grade.Unknown : Fit(framework, area, cells[column], notes);
            if (column is not null) used.Add(column);
        }

        // ILACS 2018 judged children in care and care leavers together: a separate care-leavers grade does not fit.
        if (framework == FrameworkVersion.Ilacs2018 && cells[CareLeavers].Kind == CellKind.Graded)
        {
            areas[JudgementAreas.ChildrenInCareAndCareLeavers] = Grade.Unknown;
            notes.RemoveAll(n => n.Column == InCare);
            notes.Add(new DataQualityNote($"{InCare}+{CareLeavers}", $"{cells[InCare].Raw} | {cells[CareLeavers].Raw}",
                DataQualityReasons.AreaNotInFramework,
                "ilacs-2018 judged children in care and care leavers as one area; the row gives two grades, so that area is unknown.",
                JudgementAreas.ChildrenInCareAndCareLeavers));
            used.Add(CareLeavers);
        }
        foreach (var cell in cells.Values.Where(c => !used.Contains(c.Column) && !c.IsEmpty
            && !(c.Kind == CellKind.PreDatesJudgement && c.Column == CareLeavers)))
            notes.Add(new DataQualityNote(cell.Column, cell.Raw, DataQualityReasons.AreaNotInFramework,
                $"{framework.ToWire()} has no judgement area this column maps to; the value is kept here only."));
        return areas;
    }

    private static Grade Fit(FrameworkVersion framework, string area, GradeCell cell, List<DataQualityNote> notes)
    {
        string? problem = cell.Kind switch
        {
            CellKind.Unrecognised => null,
            CellKind.NotReportedPostReform when framework != FrameworkVersion.Ilacs2026 || area != JudgementAreas.Overall =>
                $"only the overall grade under ilacs-2026 is not reported, not {area} under {framework.ToWire()}.",
            CellKind.PreDatesJudgement =>
                $"only a care leavers cell before ilacs-2023 can pre-date its judgement, not {area} under {framework.ToWire()}.",
            CellKind.Graded when framework == FrameworkVersion.Ilacs2026 && area == JudgementAreas.Overall =>
                "ilacs-2026 reports carry no overall grade.",
            _ => "",
        };
        if (problem is null)
        {
            notes.Add(new DataQualityNote(cell.Column, cell.Raw, DataQualityReasons.UnrecognisedValue,
                "neither a grade nor a value the source is known to use; the grade is never guessed.", area));
            return Grade.Unknown;
        }
        if (problem.Length > 0)
        {
            notes.Add(new DataQualityNote(cell.Column, cell.Raw, DataQualityReasons.NotPossibleInFramework, problem, area));
            return framework == FrameworkVersion.Ilacs2026 && area == JudgementAreas.Overall ? Grade.NotReported : Grade.Unknown;
        }
        return cell.Grade;
    }
}
