using Tracker.Domain.Common;

namespace Tracker.Domain.Tests.Common;

public sealed class ReportDatesTests
{
    private static readonly DateOnly Today = new(2026, 11, 27);

    [Fact]
    public void A_report_known_only_by_its_publication_date_keeps_no_fieldwork_dates()
    {
        var errors = new Errors();

        var dates = ReportDates.Validate(errors, null, null, new DateOnly(2014, 5, 23), DatePrecision.Published, Today);

        errors.Any.ShouldBeFalse();
        dates.ShouldBe(new ReportDates(null, null, new DateOnly(2014, 5, 23), DatePrecision.Published));
    }

    [Fact]
    public void Published_precision_still_requires_the_publication_date_and_refuses_fieldwork_dates()
    {
        var missing = new Errors();
        ReportDates.Validate(missing, null, null, null, DatePrecision.Published, Today);
        missing.Any.ShouldBeTrue();

        var withFieldwork = new Errors();
        ReportDates.Validate(withFieldwork, new DateOnly(2014, 3, 1), null, new DateOnly(2014, 5, 23), DatePrecision.Published, Today);
        withFieldwork.Any.ShouldBeTrue();
    }
}
