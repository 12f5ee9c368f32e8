using Tracker.Domain.Common;

namespace Tracker.Domain.Tests.Common;

public sealed class ReportReferenceIdentityTests
{
    [Theory]
    [InlineData("http://FILES.ofsted.gov.uk/v1/file/1/")]
    [InlineData("https://files.ofsted.gov.uk/v1/file/1/")]
    [InlineData("HTTPS://Files.Ofsted.Gov.UK/v1/file/1")]
    [InlineData("https://files.ofsted.gov.uk:443/v1/file/1")]
    [InlineData("  https://files.ofsted.gov.uk/v1/file/1 ")]
    public void Spellings_of_one_report_url_are_one_report(string spelling) =>
        FactIds.ForReport(spelling).ShouldBe(FactIds.ForReport("https://files.ofsted.gov.uk/v1/file/1"));

    [Fact]
    public void Query_parameter_order_does_not_change_the_report() =>
        FactIds.ForReport("https://reports.ofsted.gov.uk/provider/44/80449?b=2&a=1")
            .ShouldBe(FactIds.ForReport("http://reports.ofsted.gov.uk/provider/44/80449/?a=1&b=2"));

    [Fact]
    public void The_path_and_query_values_still_tell_reports_apart()
    {
        FactIds.ForReport("https://files.ofsted.gov.uk/v1/file/1").ShouldNotBe(FactIds.ForReport("https://files.ofsted.gov.uk/v1/file/10"));
        FactIds.ForReport("https://x.gov.uk/r?id=1").ShouldNotBe(FactIds.ForReport("https://x.gov.uk/r?id=2"));
        // The path is case-sensitive on the server, so it is left as sent.
        FactIds.ForReport("https://x.gov.uk/File/A").ShouldNotBe(FactIds.ForReport("https://x.gov.uk/file/a"));
    }

    // Pinned values: the ids of facts already stored must not move (they are the sha256 of the reference as sent).
    [Theory]
    [InlineData("https://files.ofsted.gov.uk/v1/file/1", "r-1a30f6304bc8f5a6")]
    [InlineData("https://files.ofsted.gov.uk/v1/file/50000001", "r-775c03d23454a051")]
    [InlineData("sif-iro-summary-page#s-12", "r-8f79459b82c2bd2e")]
    [InlineData("sha256:ABCDEF", "r-6260ace74d52d72e")]
    [InlineData("  sha256:ABCDEF\n", "r-6260ace74d52d72e")]
    public void Canonical_and_non_url_references_keep_their_existing_ids(string reference, string id) =>
        FactIds.ForReport(reference).ShouldBe(id);

    [Fact]
    public void Non_url_references_are_not_case_folded() =>
        FactIds.ForReport("sha256:abcdef").ShouldNotBe(FactIds.ForReport("sha256:ABCDEF"));

    [Fact]
    public void Metrics_and_findings_from_one_report_under_two_spellings_are_one_fact()
    {
        FactIds.ForMetric("m", "2014-15", "http://FILES.ofsted.gov.uk/v1/file/1/")
            .ShouldBe(FactIds.ForMetric("m", "2014-15", "https://files.ofsted.gov.uk/v1/file/1"));
        FactIds.ForFinding("iro_service", "q", "http://FILES.ofsted.gov.uk/v1/file/1/")
            .ShouldBe(FactIds.ForFinding("iro_service", "q", "https://files.ofsted.gov.uk/v1/file/1"));
    }
}
