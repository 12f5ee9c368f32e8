using Tracker.Domain.Authorities;
using Tracker.Domain.Common;
using Tracker.Domain.Corrections;
using Tracker.Domain.Findings;
using Tracker.Domain.Inspections;
using Tracker.Domain.Metrics;
using Tracker.Domain.Visits;

namespace Tracker.Projections.Tests;

/// <summary>Builds event sequences the way the deciders would, without a database.</summary>
public static class Events
{
    public static readonly Recorded Rec = new("test", new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero));

    public static AuthorityRegistered Registered(string id, string name, string region = "Yorkshire and The Humber", params string[] neighbours) =>
        new(id, name, name.ToLowerInvariant(), null, null, region, "E12000003", "Metropolitan District", neighbours, [], "test", Rec);

    public static InspectionDetails Details(FrameworkVersion framework, string published, string reference, params (string Area, Grade Grade)[] grades)
    {
        var on = DateOnly.Parse(published);
        return new InspectionDetails(framework, InspectionKind.Standard, new ReportDates(on.AddDays(-40), on.AddDays(-30), on), reference,
            grades.ToDictionary(g => g.Area, g => g.Grade));
    }

    public static InspectionRecorded Inspection(FrameworkVersion framework, string published, string reference, params (string Area, Grade Grade)[] grades) =>
        new(FactIds.ForReport(reference), Details(framework, published, reference, grades), Rec);

    public static MetricObserved Metric(string metric, int startYear, decimal? value, string unit, string reference, decimal? low = null, decimal? high = null)
    {
        var period = MetricPeriod.FinancialYear(startYear);
        return new MetricObserved(FactIds.ForMetric(metric, period.Key, reference),
            new MetricDetails(metric, new MetricValue(value, low, high, unit), period, new MetricSource(reference, null)), Rec);
    }

    public static MonitoringVisitRecorded MonitoringVisit(string published, string reference) =>
        new(FactIds.ForReport(reference), new VisitDetails(new ReportDates(DateOnly.Parse(published).AddDays(-20), DateOnly.Parse(published).AddDays(-19), DateOnly.Parse(published)), reference, null), Rec);

    public static FindingRecorded Finding(string quote, string reference) =>
        new(FactIds.ForFinding("iro", quote, reference), new FindingDetails("iro", quote, reference, DatePrecision.FrameworkEra), Rec);

    public static InspectionRecorded UndatedSif(string reference) =>
        new(FactIds.ForReport(reference), new InspectionDetails(FrameworkVersion.Sif2013, InspectionKind.Unknown,
            new ReportDates(null, null, null, DatePrecision.FrameworkEra), reference, new Dictionary<string, Grade> { [JudgementAreas.Overall] = Grade.Good }), Rec);

    public static FactWithdrawn Withdrawn(string factId) => new(factId, "recorded against the wrong authority", Rec);
}
