using Tracker.Domain.Common;

namespace Tracker.Domain.Visits;

/// <summary>Ofsted published an ungraded monitoring-visit letter on an authority judged inadequate.</summary>
public sealed record MonitoringVisitRecorded(string FactId, VisitDetails Details, Recorded Recorded) : IFact;

/// <summary>The validated content of an ungraded visit letter; focused visits also name their topic.</summary>
public sealed record VisitDetails(ReportDates Dates, string ReportReference, string? Topic)
{
    // The reference in its canonical form, so one report under two spellings of its URL is one version, not a conflict.
    public string Fingerprint() => FactIds.Fingerprint(Dates.StartDate, Dates.EndDate, Dates.PublishedOn, Dates.Precision,
        ReportReferences.Canonical(ReportReference), Topic);
}

/// <summary>The wire shape of a visit letter.</summary>
public sealed record VisitInput(DateOnly? StartDate, DateOnly? EndDate, DateOnly? PublishedOn, string? ReportReference, string? Topic = null, DatePrecision? Precision = null)
{
    public VisitDetails Validate(DateOnly today, Errors errors, bool topicRequired)
    {
        var reference = errors.RequiredText("reportReference", ReportReference, 500);
        var dates = ReportDates.Validate(errors, StartDate, EndDate, PublishedOn, Precision, today);
        var topic = topicRequired ? errors.RequiredText("topic", Topic, 300) : Topic?.Trim();
        if (!topicRequired) errors.Text("topic", Topic, 300);
        return new VisitDetails(dates, reference ?? "", string.IsNullOrWhiteSpace(topic) ? null : topic);
    }
}
