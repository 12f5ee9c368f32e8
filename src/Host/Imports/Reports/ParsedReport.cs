using Tracker.Domain.Common;
using Tracker.Domain.Metrics;

namespace Tracker.Host.Imports.Reports;

/// <summary>A judgement as printed: the framework's area, the grade, the words printed, and the page they are on.</summary>
/// <remarks>
/// ILACS 2026 reports print no overall grade: their overall area is <see cref="Grade.NotReported"/> with
/// <see cref="Printed"/> null. Nothing else is ever filled in that the page does not print.
/// </remarks>
public sealed record ReportJudgement(string Area, Grade Grade, string? Printed, int Page);

/// <summary>How the inspection's kind was decided.</summary>
public enum KindBasis
{
    /// <summary>The title or the text says it ("Re-inspection of …", "short inspection").</summary>
    Text,
    /// <summary>
    /// ILACS reports do not print "short": a short inspection has one week of fieldwork and a standard one two, so
    /// the printed fieldwork days decide (at most 7 days short, at least 10 standard).
    /// </summary>
    FieldworkDays,
    /// <summary>Nothing printed says; the kind is unknown.</summary>
    None,
}

/// <summary>A figure from the report's text with the period its sentence gives, the sentence quoted, and its page.</summary>
public sealed record ReportMetric(
    int Page, int? Paragraph, string Metric, decimal? Value, decimal? Low, decimal? High, string Unit, PeriodInput Period,
    string Quote)
{
    public MetricPeriod ValidPeriod() => Period.Validate(new Errors());
}

/// <summary>A numbered paragraph of the report that speaks of the IRO service, quoted whole.</summary>
public sealed record IroFinding(int Paragraph, int Page, string Text);

/// <summary>
/// Everything Tracker reads from one Ofsted report, exactly as printed. Where page 1 (or, before SIF, the record of
/// main findings) cannot be read, <see cref="Problems"/> says what and the value is left empty: nothing is guessed.
/// </summary>
public sealed record ParsedReport(
    string Sha256,
    int PageCount,
    ReportFamily Family,
    string Title,
    string? Authority,
    FrameworkVersion? Framework,
    InspectionKind Kind,
    KindBasis KindBasis,
    PrintedDates Dates,
    IReadOnlyList<ReportJudgement> Judgements,
    ReportJudgement? Lscb,
    IReadOnlyList<ReportMetric> Metrics,
    IReadOnlyList<IroFinding> IroFindings,
    IReadOnlyList<string> Problems)
{
    public bool HasProblems => Problems.Count > 0;

    public Grade? GradeOf(string area) => Judgements.FirstOrDefault(j => j.Area == area)?.Grade;
}
