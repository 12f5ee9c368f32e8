using Tracker.Domain.Common;
using Tracker.Domain.DataQuality;
using Tracker.Domain.Findings;
using Tracker.Domain.Inspections;
using Tracker.Domain.Metrics;
using Tracker.Projections.CurrentGrades;

using Tracker.Host.Writes;

namespace Tracker.Host.Imports.Reports;

/// <summary>
/// The commands a report file gives: its inspection (recorded, or enriching the one already recorded), its metrics and
/// its numbered IRO findings, each carrying the file's sha256 and the page it was read on.
/// </summary>
public static class ReportCommands
{
    public const string RecordedBy = "import:ofsted-report";

    public static string SourceKey(ParsedReport report) => $"report:{report.Sha256}";

    public static InspectionInput Inspection(ParsedReport report, FrameworkVersion framework, DateOnly published, string reference)
    {
        var notes = report.Problems.Select(p => new DataQualityNote("report", p, DataQualityReasons.NotReadable,
            "page 1 of the report file could not be read for this; nothing was guessed.")).ToList();
        var grades = JudgementAreas.For(framework).ToDictionary(a => a, a => (Grade?)(report.GradeOf(a) ?? Grade.Unknown));
        var (start, end) = (report.Dates.Start, report.Dates.End);
        var dated = start is not null && end is not null && end <= published;
        return new InspectionInput(framework, report.Kind, dated ? start : null, dated ? end : null, published, reference, grades,
            dated ? DatePrecision.Day : DatePrecision.Published, notes.Count > 0 ? notes : null,
            framework == FrameworkVersion.Sif2013 ? report.Lscb?.Grade : null);
    }

    /// <summary>The inspection command: a report this file recorded is revised by it, any other is enriched from it.</summary>
    public static WriteCommand ForInspection(string authorityId, ParsedReport report, InspectionInput input,
        InspectionItem? match, bool recordedByThisFile)
    {
        var page = new SourcePage(report.Sha256, report.Judgements.FirstOrDefault()?.Page ?? 1);
        if (match is not null && !recordedByThisFile)
            return new WriteCommand(new EnrichInspection(authorityId, match.FactId, match.ToDetails(), input, SourceKey(report),
                $"report file {report.Sha256[..12]} (page {page.Page})"), 1, Source: page);
        return new WriteCommand(new RecordInspection(authorityId, input, RecordedBy,
            RevisionReason: "A newer reading of the report file changed this report.", Current: match?.ToDetails()), 1, Source: page);
    }

    public static IEnumerable<WriteCommand> Observations(string authorityId, ParsedReport report, string reference)
    {
        foreach (var m in report.Metrics)
            yield return new WriteCommand(new RecordMetric(authorityId,
                new MetricInput(m.Metric, m.Value, m.Low, m.High, m.Unit, m.Period, reference, m.Quote), RecordedBy),
                m.Page, Source: new SourcePage(report.Sha256, m.Page));
        foreach (var f in report.IroFindings)
            yield return new WriteCommand(new RecordFinding(authorityId,
                new FindingInput("iro_service", f.Text, reference, DatePrecision.Day), RecordedBy),
                f.Page, Source: new SourcePage(report.Sha256, f.Page));
    }
}
