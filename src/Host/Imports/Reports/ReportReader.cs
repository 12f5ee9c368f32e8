namespace Tracker.Host.Imports.Reports;

/// <summary>A report read from a file: parsed, or refused with a reason.</summary>
/// <remarks><see cref="Text"/> is the file's text, kept for evidence matching; null when refused.</remarks>
public sealed record ReportReading(string File, ParsedReport? Report, ReportRefusal? Refusal, ReportText? Text = null)
{
    public bool IsRefused => Refusal is not null;
}

/// <summary>Reads one report file end to end: the file check, then the parse. One file at a time, nothing kept open.</summary>
public static class ReportReader
{
    public static ReportReading Read(string path, long maxBytes = ReportFile.DefaultMaxBytes)
    {
        var file = ReportFile.Read(path, maxBytes);
        return Reading(Path.GetFileName(path), file);
    }

    public static ReportReading Read(string name, Stream stream, long maxBytes = ReportFile.DefaultMaxBytes) =>
        Reading(name, ReportFile.Read(stream, maxBytes));

    private static ReportReading Reading(string name, ReportFileResult file)
    {
        if (file.Refusal is not null) return new ReportReading(name, null, file.Refusal);
        var report = ReportParser.Parse(file.Text!);
        return report is null
            ? new ReportReading(name, null, new ReportRefusal(RefusalReason.NotChildrensServicesReport,
                "Not a local authority children's services inspection report: page 1 has no such title."))
            : new ReportReading(name, report, null, file.Text);
    }
}
