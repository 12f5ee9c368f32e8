namespace Tracker.Host.Imports;

/// <summary>The two real sources Tracker takes whole, recognised from their content rather than a file name.</summary>
public static class ImportFormats
{
    public const string InspectionHistory = "inspection-history-csv";
    public const string IroSummaryPage = "iro-summary-page";

    public static string? Detect(string text)
    {
        var firstLine = text.TrimStart('\uFEFF').Split('\n', 2)[0].Trim();
        if (firstLine.StartsWith("urn,", StringComparison.OrdinalIgnoreCase) && firstLine.Contains("inspection_link", StringComparison.OrdinalIgnoreCase))
            return InspectionHistory;
        if (text.Contains("Comments specific to IRO Service", StringComparison.OrdinalIgnoreCase))
            return IroSummaryPage;
        return null;
    }
}
