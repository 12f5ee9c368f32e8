using Tracker.Host.Imports.Reports;

namespace Tracker.IntegrationTests.Imports.Reports;

/// <summary>The file check refuses, with a reason and never an exception, everything that is not a readable report.</summary>
public sealed class ReportFileTests
{
    private const string LaTitle = "Inspection of looked after children services\nNorfolk County Council\nInspection dates: 8 - 12 July 2013";

    private static ReportRefusal Refusal(byte[] bytes, long max = ReportFile.DefaultMaxBytes)
    {
        using var stream = new MemoryStream(bytes);
        var result = ReportFile.Read(stream, max);
        result.Text.ShouldBeNull();
        return result.Refusal.ShouldNotBeNull();
    }

    [Fact]
    public void An_html_page_saved_as_pdf_is_not_a_pdf() =>
        Refusal(ReportFiles.Bytes("80431-2012-07-13.pdf")).ShouldSatisfyAllConditions(
            r => r.Reason.ShouldBe(RefusalReason.NotPdf), r => r.Message.ShouldContain("HTML"));

    [Fact]
    public void A_truncated_report_is_refused()
    {
        var bytes = ReportFiles.Bytes("80449-2014-05-23.pdf");
        Refusal(bytes[..(bytes.Length / 2)]).Reason.ShouldBe(RefusalReason.Truncated);
    }

    [Fact]
    public void A_damaged_pdf_is_refused_as_corrupt()
    {
        var bytes = System.Text.Encoding.Latin1.GetBytes("%PDF-1.7\n1 0 obj << /Type /Catalog /Pages 9 0 R >>\ngarbage\n%%EOF\n");
        Refusal(bytes).Reason.ShouldBe(RefusalReason.Corrupt);
    }

    [Fact]
    public void An_empty_file_and_a_pdf_without_text_are_empty()
    {
        Refusal([]).Reason.ShouldBe(RefusalReason.Empty);
        Refusal(ReportFiles.Pdf("")).Reason.ShouldBe(RefusalReason.Empty);
    }

    [Fact]
    public void A_pdf_of_images_only_is_refused_as_image_only() =>
        Refusal(ReportFiles.ImageOnlyPdf()).Reason.ShouldBe(RefusalReason.ImageOnly);

    [Fact]
    public void An_encrypted_pdf_is_refused() =>
        Refusal(ReportFiles.EncryptedPdf()).Reason.ShouldBe(RefusalReason.Encrypted);

    [Fact]
    public void A_file_over_the_size_limit_is_refused_before_it_is_read() =>
        Refusal(ReportFiles.Pdf(LaTitle), max: 100).Reason.ShouldBe(RefusalReason.TooLarge);

    [Fact]
    public void A_school_report_is_not_a_childrens_services_report() =>
        Refusal(ReportFiles.Pdf("Inspection of Example Primary School\nInspection dates: 1 and 2 May 2024\nOverall effectiveness Good"))
            .ShouldSatisfyAllConditions(r => r.Reason.ShouldBe(RefusalReason.NotChildrensServicesReport),
                r => r.Message.ShouldContain("not a local authority children's services inspection report", Case.Insensitive));

    [Fact]
    public void A_readable_report_gives_its_pages_and_lowercase_sha256()
    {
        var result = ReportFile.Read(ReportFiles.Path("80449-2014-05-23.pdf"));

        result.Refusal.ShouldBeNull();
        result.Text!.Pages.Count.ShouldBe(34);
        // The shared manifest's sha256 for this file.
        result.Text.Sha256.ShouldBe("9e099bd393bed314c7506f2d3408220dff6a6eac295cc31a7b3f62e4de4166f3");
    }
}
