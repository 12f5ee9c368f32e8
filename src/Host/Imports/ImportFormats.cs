namespace Tracker.Host.Imports;

/// <summary>The two real sources Tracker takes whole, recognised from their content rather than a file name.</summary>
public static class ImportFormats
{
    public const string InspectionHistory = "inspection-history-csv";
    public const string IroSummaryPage = "iro-summary-page";

    public static string? Detect(string text)
    {
        if (DetectHeader(text.Split('\n', 2)[0]) is { } history) return history;
        if (text.Contains("Comments specific to IRO Service", StringComparison.OrdinalIgnoreCase))
            return IroSummaryPage;
        return null;
    }

    /// <summary>The history is known by its header line alone, so it can be streamed without reading the rest first.</summary>
    public static string? DetectHeader(string firstLine)
    {
        var header = firstLine.TrimStart('\uFEFF').Trim();
        return header.StartsWith("urn,", StringComparison.OrdinalIgnoreCase) && header.Contains("inspection_link", StringComparison.OrdinalIgnoreCase)
            ? InspectionHistory
            : null;
    }
}
