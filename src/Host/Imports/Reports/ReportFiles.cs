namespace Tracker.Host.Imports.Reports;

public static class ReportFiles
{
    /// <summary>
    /// A folder, a *.pdf name, or a file that starts like a PDF goes to the report importer: the name alone would send
    /// a PDF saved without its extension to the text importers, and an HTML page saved as .pdf is refused there.
    /// </summary>
    public static bool IsReportInput(string path)
    {
        if (Directory.Exists(path) || path.EndsWith(".pdf", StringComparison.OrdinalIgnoreCase)) return true;
        using var file = File.OpenRead(path);
        var head = new byte[5];
        return file.Read(head, 0, 5) == 5 && head is [(byte)'%', (byte)'P', (byte)'D', (byte)'F', (byte)'-'];
    }
}
