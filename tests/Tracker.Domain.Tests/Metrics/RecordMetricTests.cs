using Tracker.Domain.Common;
using Tracker.Domain.Metrics;
using Tracker.Domain.Tests.Support;

namespace Tracker.Domain.Tests.Metrics;

public sealed class RecordMetricTests
{
    private static MetricInput Timeliness(decimal value, string year) => new(MetricNames.ReviewTimeliness, value, null, null, "percent",
        new PeriodInput(PeriodKind.FinancialYear, year), "sif-iro-summary-page", "rising from 79.1% in 2013–14 to 98.4% in 2015–16");

    private static IReadOnlyList<object> When(MetricInput input, params object[] history) =>
        new RecordMetric("380", input, "t").Decide(Given.Authority([Given.Bradford, .. history]), Given.Now);

    [Fact]
    public void Two_periods_quoted_in_one_sentence_are_two_observations()
    {
        var first = When(Timeliness(79.1m, "2013–14")).Single().ShouldBeOfType<MetricObserved>();
        var second = When(Timeliness(98.4m, "2015-16"), first).Single().ShouldBeOfType<MetricObserved>();
        first.Details.Period.ShouldBe(new MetricPeriod(PeriodKind.FinancialYear, "2013-14", new DateOnly(2013, 4, 1), new DateOnly(2014, 3, 31)));
        second.FactId.ShouldNotBe(first.FactId);
    }

    [Fact]
    public void The_same_observation_twice_appends_nothing_and_a_different_value_conflicts()
    {
        var first = When(Timeliness(79.1m, "2013-14")).Single();
        When(Timeliness(79.1m, "2013-14"), first).ShouldBeEmpty();
        Given.Rejects(() => When(Timeliness(80m, "2013-14"), first)).Kind.ShouldBe(RejectionKind.Conflict);
    }

    [Fact]
    public void A_caseload_may_be_a_range()
    {
        var input = new MetricInput(MetricNames.Caseload, null, 100, 120, "children_per_iro", new PeriodInput(PeriodKind.Unknown), "page", "100–120");
        var observed = When(input).Single().ShouldBeOfType<MetricObserved>();
        observed.Details.Value.Central.ShouldBe(110m);
        observed.Details.Period.ShouldBe(MetricPeriod.Unknown);
    }

    [Fact]
    public void Two_figures_with_an_unknown_period_and_different_quotes_are_two_observations()
    {
        MetricInput Caseload(decimal value, string quote) =>
            new(MetricNames.Caseload, value, null, null, "children_per_iro", new PeriodInput(PeriodKind.Unknown), "page", quote);
        var first = When(Caseload(62m, "caseloads are now 62")).Single().ShouldBeOfType<MetricObserved>();
        var second = When(Caseload(75m, "caseloads had risen to 75"), first).ShouldHaveSingleItem().ShouldBeOfType<MetricObserved>();
        second.FactId.ShouldNotBe(first.FactId);
        When(Caseload(62m, "caseloads are now 62"), first, second).ShouldBeEmpty();
    }

    [Theory]
    [InlineData("2014-16")]
    [InlineData("14-15")]
    [InlineData("last year")]
    public void A_financial_year_must_be_two_consecutive_years(string label) =>
        Given.Rejects(() => When(Timeliness(90m, label))).Errors.Keys.ShouldContain("period.label");

    [Fact]
    public void A_percentage_lies_between_0_and_100() =>
        Given.Rejects(() => When(Timeliness(101m, "2014-15"))).Errors.Keys.ShouldContain("value");

    [Fact]
    public void A_value_and_a_range_together_are_ambiguous() =>
        Given.Rejects(() => When(Timeliness(90m, "2014-15") with { Low = 80, High = 95 })).Errors.Keys.ShouldContain("value");

    [Fact]
    public void A_month_range_covers_whole_months()
    {
        var input = Timeliness(90m, "x") with { Period = new PeriodInput(PeriodKind.MonthRange, From: "2015-04", To: "2015-09") };
        var period = When(input).Single().ShouldBeOfType<MetricObserved>().Details.Period;
        (period.From, period.To).ShouldBe((new DateOnly(2015, 4, 1), new DateOnly(2015, 9, 30)));
    }

    [Fact]
    public void Metric_names_are_an_open_snake_case_set() =>
        Given.Rejects(() => When(Timeliness(90m, "2014-15") with { Metric = "Review Timeliness!" })).Errors.Keys.ShouldContain("metric");
}
