using System.Text.RegularExpressions;
using Tracker.Domain.Common;
using Tracker.Host.Imports.Metrics;

namespace Tracker.Host.Imports.Reports;

/// <summary>
/// Turns a report's text into a <see cref="ParsedReport"/>: pure, no store. The title decides the family; page 1 gives
/// the authority, dates and judgements (before SIF the record of main findings); the body gives metrics and the
/// numbered IRO findings.
/// </summary>
public static partial class ReportParser
{
    [GeneratedRegex(@"\bshort inspection\b", RegexOptions.IgnoreCase)] private static partial Regex ShortWords();
    [GeneratedRegex(@"\bstandard inspection\b", RegexOptions.IgnoreCase)] private static partial Regex StandardWords();
    [GeneratedRegex(@"\bIROs?\b|independent reviewing officer", RegexOptions.IgnoreCase)] private static partial Regex IroWords();

    /// <summary>Parses checked text; null when page 1 carries no recognised title (<see cref="ReportFile"/> refuses those).</summary>
    public static ParsedReport? Parse(ReportText text)
    {
        if (ReportTitle.Recognise(text.Pages[0]) is not { } title) return null;
        var problems = new List<string>();
        var flat = text.Pages.Select(ReportText.Flatten).ToList();
        var dates = DateReader.Read(flat[0], problems);
        if (title.Authority is null) problems.Add("Page 1 prints no authority name that could be read.");

        List<ReportJudgement> judgements;
        FrameworkVersion? framework;
        ReportJudgement? lscb = null;
        switch (title.Family)
        {
            case ReportFamily.Lac:
                (judgements, framework) = (LacJudgements.Read(flat, problems), FrameworkVersion.Lac);
                break;
            case ReportFamily.Ilacs:
                (judgements, framework) = IlacsJudgements.Read(flat[0], problems);
                break;
            default:
                (judgements, framework) = (SifJudgements.Read(flat[0], problems), FrameworkVersion.Sif2013);
                if (title.Family == ReportFamily.Sif) lscb = SifJudgements.ReadLscb(flat);
                break;
        }
        if (framework is { } fw && title.Family != ReportFamily.Lac)
        {
            var missing = JudgementAreas.For(fw).Except(judgements.Select(j => j.Area)).ToList();
            if (missing.Count > 0) problems.Add($"Page 1: no grade could be read for {string.Join(", ", missing)}.");
        }

        var (kind, basis) = KindOf(title.Family, string.Join(' ', flat), dates);
        var blocks = ReportBody.Blocks(text.Pages);
        return new ParsedReport(text.Sha256, text.Pages.Count, title.Family, title.Title, title.Authority, framework, kind,
            basis, dates, judgements, lscb, Metrics(blocks), IroFindings(blocks), problems);
    }

    private static (InspectionKind, KindBasis) KindOf(ReportFamily family, string allText, PrintedDates dates)
    {
        switch (family)
        {
            case ReportFamily.SifReInspection: return (InspectionKind.ReInspection, KindBasis.Text);
            case ReportFamily.Sif or ReportFamily.Lac: return (InspectionKind.Standard, KindBasis.Text);
        }
        if (ShortWords().IsMatch(allText)) return (InspectionKind.Short, KindBasis.Text);
        if (StandardWords().IsMatch(allText)) return (InspectionKind.Standard, KindBasis.Text);
        return dates.FieldworkDays switch
        {
            <= 7 => (InspectionKind.Short, KindBasis.FieldworkDays),
            >= 10 => (InspectionKind.Standard, KindBasis.FieldworkDays),
            _ => (InspectionKind.Unknown, KindBasis.None),
        };
    }

    /// <summary>Each figure once per metric, period and value: summaries repeat the body's sentences.</summary>
    private static List<ReportMetric> Metrics(List<BodyBlock> blocks)
    {
        var metrics = new List<ReportMetric>();
        foreach (var block in blocks)
        {
            foreach (var m in MetricExtractor.Extract(block.Text, MetricScope.Report))
            {
                var page = block.PageAt(Math.Max(0, block.Text.IndexOf(m.Quote, StringComparison.Ordinal)));
                metrics.Add(new ReportMetric(page, block.Number, m.Metric, m.Value, m.Low, m.High, m.Unit, m.Period, m.Quote));
            }
        }
        return metrics.DistinctBy(m => (m.Metric, m.ValidPeriod().Key, m.Value, m.Low, m.High)).ToList();
    }

    private static List<IroFinding> IroFindings(List<BodyBlock> blocks) =>
        blocks.Where(b => b.Number is not null && IroWords().IsMatch(b.Text))
            .Select(b => new IroFinding(b.Number!.Value, b.Page, b.Text)).ToList();
}
