using UglyToad.PdfPig.Content;
using UglyToad.PdfPig.Core;
using UglyToad.PdfPig.Fonts.Standard14Fonts;
using UglyToad.PdfPig.Writer;

namespace Tracker.IntegrationTests.Imports.Reports;

/// <summary>The committed sample reports and synthetic PDFs for the refusal cases.</summary>
public static class ReportFiles
{
    public static string Path(string name) => System.IO.Path.Combine(AppContext.BaseDirectory, "Imports/Reports/Files", name);

    public static byte[] Bytes(string name) => File.ReadAllBytes(Path(name));

    /// <summary>A PDF with one page per text (an empty string makes a page with no text).</summary>
    public static byte[] Pdf(params string[] pageLines)
    {
        var builder = new PdfDocumentBuilder();
        var font = builder.AddStandard14Font(Standard14Font.Helvetica);
        foreach (var page in pageLines)
        {
            var p = builder.AddPage(PageSize.A4);
            var y = 800;
            foreach (var line in page.Split('\n').Where(l => l.Length > 0))
            {
                p.AddText(line, 11, new PdfPoint(50, y), font);
                y -= 16;
            }
        }
        return builder.Build();
    }

    /// <summary>A PDF whose only page is an image (as a scan would be).</summary>
    public static byte[] ImageOnlyPdf()
    {
        var builder = new PdfDocumentBuilder();
        var page = builder.AddPage(PageSize.A4);
        page.AddPng(OnePixelPng, new PdfRectangle(50, 50, 500, 700));
        return builder.Build();
    }

    // A 1×1 grey PNG.
    private static readonly byte[] OnePixelPng = Convert.FromBase64String(
        "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAAAAAA6fptVAAAACklEQVR4nGNoAAAAggCBd81ytgAAAABJRU5ErkJggg==");

    /// <summary>
    /// A PDF that declares standard-handler encryption whose keys do not open with the empty password. PdfPig cannot
    /// write encrypted files, so the /Encrypt dictionary is added to a built file's trailer by hand.
    /// </summary>
    public static byte[] EncryptedPdf()
    {
        var text = System.Text.Encoding.Latin1.GetString(Pdf("Inspection of looked after children services"));
        // A direct /Encrypt dictionary keeps every object offset in the cross-reference table valid.
        var encrypt = $"/Encrypt << /Filter /Standard /V 1 /R 2 /O <{new string('A', 64)}> /U <{new string('B', 64)}> /P -4 >> ";
        var trailer = text.LastIndexOf("trailer", StringComparison.Ordinal);
        var open = text.IndexOf("<<", trailer, StringComparison.Ordinal) + 2;
        text = text[..open] + " " + encrypt + text[open..];
        return System.Text.Encoding.Latin1.GetBytes(text);
    }
}
