using System.Security.Cryptography;
using System.Text;
using UglyToad.PdfPig;
using UglyToad.PdfPig.DocumentLayoutAnalysis.TextExtractor;
using UglyToad.PdfPig.Exceptions;

namespace Tracker.Host.Imports.Reports;

/// <summary>The text of a file, or why it cannot be read as a children's services inspection report.</summary>
public sealed record ReportFileResult(ReportText? Text, ReportRefusal? Refusal)
{
    public static ReportFileResult Refuse(RefusalReason reason, string message) => new(null, new ReportRefusal(reason, message));
}

/// <summary>
/// Checks a file is a readable PDF of a local authority children's services inspection and reads its text with PdfPig.
/// One file at a time: the bytes are held only while the document is open, and the document is always disposed.
/// </summary>
public static class ReportFile
{
    /// <summary>Ofsted's reports are well under 1 MB; 20 MB leaves room without letting a stray upload eat memory.</summary>
    public const long DefaultMaxBytes = 20 * 1024 * 1024;

    public static ReportFileResult Read(string path, long maxBytes = DefaultMaxBytes)
    {
        using var stream = File.OpenRead(path);
        return Read(stream, maxBytes);
    }

    public static ReportFileResult Read(Stream stream, long maxBytes = DefaultMaxBytes)
    {
        if (stream.CanSeek && stream.Length > maxBytes) return TooLarge(stream.Length, maxBytes);
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = stream.Read(chunk, 0, chunk.Length)) > 0)
        {
            buffer.Write(chunk, 0, read);
            if (buffer.Length > maxBytes) return TooLarge(buffer.Length, maxBytes);
        }
        return Read(buffer.ToArray());
    }

    public static ReportFileResult Read(byte[] bytes)
    {
        if (bytes.Length == 0) return ReportFileResult.Refuse(RefusalReason.Empty, "The file is empty.");
        if (PdfBytes.NotPdfReason(bytes) is { } notPdf) return ReportFileResult.Refuse(RefusalReason.NotPdf, notPdf);
        // PdfPig repairs a missing cross-reference table, so a cut file can still open; the end marker tells.
        if (!PdfBytes.HasEndMarker(bytes))
            return ReportFileResult.Refuse(RefusalReason.Truncated, "The PDF is truncated: it has no %%EOF end marker.");
        var sha = Convert.ToHexStringLower(SHA256.HashData(bytes));
        List<string> pages;
        var images = 0;
        try
        {
            using var document = PdfDocument.Open(bytes);
            if (document.IsEncrypted)
                return ReportFileResult.Refuse(RefusalReason.Encrypted, "The PDF is encrypted; Ofsted publishes reports unencrypted.");
            if (document.NumberOfPages == 0) return ReportFileResult.Refuse(RefusalReason.Empty, "The PDF has no pages.");
            pages = [];
            foreach (var page in document.GetPages())
            {
                pages.Add(ContentOrderTextExtractor.GetText(page));
                images += page.GetImages().Count();
            }
        }
        catch (PdfDocumentEncryptedException e)
        {
            return ReportFileResult.Refuse(RefusalReason.Encrypted, $"The PDF is encrypted and cannot be read: {e.Message}");
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // PdfPig reports damage with many exception types (format, argument, invalid operation); all mean the same here.
            return ReportFileResult.Refuse(RefusalReason.Corrupt, $"The PDF is damaged and cannot be read: {e.Message}");
        }
        return Check(new ReportText(sha, pages), images);
    }

    private static ReportFileResult Check(ReportText text, int images)
    {
        if (text.Pages.All(p => !p.Any(char.IsLetter)))
            return images > 0
                ? ReportFileResult.Refuse(RefusalReason.ImageOnly, "The PDF's pages are images with no text layer (a scan?); it cannot be read.")
                : ReportFileResult.Refuse(RefusalReason.Empty, "The PDF has pages but no text.");
        if (ReportTitle.Recognise(text.Pages[0]) is null)
            return ReportFileResult.Refuse(RefusalReason.NotChildrensServicesReport,
                "Not a local authority children's services inspection report: page 1 has no such title.");
        return new ReportFileResult(text, null);
    }

    private static ReportFileResult TooLarge(long length, long max) =>
        ReportFileResult.Refuse(RefusalReason.TooLarge, $"The file is {length:N0} bytes or more; the limit is {max:N0}.");
}

internal static class PdfBytes
{
    /// <summary>The PDF header may follow up to 1 KB of junk (the specification's allowance); anything else is not a PDF.</summary>
    public static string? NotPdfReason(byte[] bytes)
    {
        var head = Encoding.Latin1.GetString(bytes, 0, Math.Min(bytes.Length, 1024));
        if (head.Contains("%PDF-", StringComparison.Ordinal)) return null;
        return head.Contains("<html", StringComparison.OrdinalIgnoreCase) || head.Contains("<!DOCTYPE", StringComparison.OrdinalIgnoreCase)
            ? "Not a PDF: the file is an HTML page (a web page saved with a .pdf name)."
            : "Not a PDF: the file does not start with the %PDF header.";
    }

    public static bool HasEndMarker(byte[] bytes)
    {
        var tail = Encoding.Latin1.GetString(bytes, Math.Max(0, bytes.Length - 2048), Math.Min(bytes.Length, 2048));
        return tail.Contains("%%EOF", StringComparison.Ordinal);
    }
}
