using System.Text.Json.Serialization;

namespace Tracker.Domain.Common;

/// <summary>How precisely the source dates a report. Sources that give no dates are never given invented ones.</summary>
public enum DatePrecision
{
    [JsonStringEnumMemberName("day")] Day,
    /// <summary>The source names only the framework era (e.g. a SIF-era summary page); all dates are unknown.</summary>
    [JsonStringEnumMemberName("framework_era")] FrameworkEra,
    /// <summary>The source gives the publication date but not the fieldwork dates (most SIF rows of the official history).</summary>
    [JsonStringEnumMemberName("published")] Published,
}

/// <summary>When the fieldwork ran and when the report was published.</summary>
public sealed record ReportDates(DateOnly? StartDate, DateOnly? EndDate, DateOnly? PublishedOn, DatePrecision Precision = DatePrecision.Day)
{
    /// <summary>Checks the dates as supplied and returns them, adding every problem to <paramref name="errors"/>.</summary>
    public static ReportDates Validate(Errors errors, DateOnly? start, DateOnly? end, DateOnly? published, DatePrecision? precision, DateOnly today)
    {
        var p = precision ?? DatePrecision.Day;
        if (p == DatePrecision.FrameworkEra)
        {
            if (start is not null || end is not null || published is not null)
                errors.Add("precision", "framework_era means the source gives no dates; omit startDate, endDate and publishedOn.");
            return new ReportDates(null, null, null, p);
        }
        if (p == DatePrecision.Published)
        {
            if (start is not null || end is not null)
                errors.Add("precision", "published means the source gives no fieldwork dates; omit startDate and endDate.");
            errors.Required("publishedOn", published);
            errors.NotInFuture("publishedOn", published, today);
            return new ReportDates(null, null, published, p);
        }

        errors.Required("startDate", start);
        errors.Required("endDate", end);
        errors.Required("publishedOn", published);
        errors.InOrder("startDate", start, "endDate", end);
        errors.InOrder("endDate", end, "publishedOn", published);
        errors.NotInFuture("startDate", start, today);
        errors.NotInFuture("endDate", end, today);
        errors.NotInFuture("publishedOn", published, today);
        return new ReportDates(start, end, published, p);
    }
}
