using Tracker.Domain.Common;
using Tracker.Domain.Corrections;
using Tracker.Domain.Findings;
using Tracker.Domain.Inspections;
using Tracker.Domain.Metrics;

using Tracker.Host.Writes;

namespace Tracker.Host.Imports.IroPage;

/// <summary>The commands a client would send for a section: exactly what the page says, with no invented dates.</summary>
public static class SectionCommands
{
    public const string Service = "iro_service";

    /// <summary>The heading's SIF judgement: children looked after graded, every other area not reported, dated only by the SIF era.</summary>
    public static WriteCommand? Inspection(PageSection s, string authorityId) => s.Grade is null ? null
        : new WriteCommand(new RecordInspection(authorityId, InspectionInput(s), PageImporter.RecordedBy), s.Line);

    public static InspectionInput InspectionInput(PageSection s)
    {
        var grades = JudgementAreas.For(FrameworkVersion.Sif2013)
            .ToDictionary(a => a, a => (Grade?)(a == JudgementAreas.ChildrenLookedAfter ? s.Grade : Grade.NotReported));
        return new InspectionInput(FrameworkVersion.Sif2013, InspectionKind.Unknown, null, null, null, s.ReportReference, grades,
            DatePrecision.FrameworkEra);
    }

    /// <param name="reinstateReason">
    /// Set when the section has been attributed here by evidence or by a user: its facts withdrawn earlier (suspect, or
    /// moved away) are reinstated with this reason. Without it a withdrawn fact stays withdrawn.
    /// </param>
    public static IEnumerable<WriteCommand> Block(PageSection s, string authorityId, string? reinstateReason = null)
    {
        foreach (var m in s.Metrics)
        {
            var command = new RecordMetric(authorityId,
                new MetricInput(m.Metric, m.Value, m.Low, m.High, m.Unit, m.Period, s.ReportReference, m.Quote), PageImporter.RecordedBy);
            yield return new WriteCommand(Reinstating(command, reinstateReason), m.Line);
        }
        foreach (var f in s.Findings)
        {
            var command = new RecordFinding(authorityId,
                new FindingInput(Service, f.Quote, s.ReportReference, DatePrecision.FrameworkEra), PageImporter.RecordedBy);
            yield return new WriteCommand(Reinstating(command, reinstateReason), f.Line);
        }
    }

    private static IAuthorityCommand Reinstating(IAuthorityCommand command, string? reason) =>
        reason is null ? command : new ReinstateIfWithdrawn(command, reason);

    /// <summary>Withdraws a block recorded on the wrong authority; the heading's own grade stays.</summary>
    public static IEnumerable<WriteCommand> Withdraw(PageSection s, string authorityId, string reason)
    {
        var ids = s.Metrics.Select(m => (m.Line, Id: FactIds.ForMetric(m.Metric, MetricDetails.IdentityPeriod(m.ValidPeriod(), m.Quote, new MetricValue(m.Value, m.Low, m.High, m.Unit)), s.ReportReference)))
            .Concat(s.Findings.Select(f => (f.Line, Id: FactIds.ForFinding(Service, f.Quote, s.ReportReference))));
        foreach (var (line, id) in ids)
            yield return new WriteCommand(new CorrectFact(authorityId, new CorrectionInput(id, CorrectionAction.Withdraw, reason), PageImporter.RecordedBy), line);
    }
}
