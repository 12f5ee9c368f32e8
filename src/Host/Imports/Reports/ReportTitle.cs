using System.Text.RegularExpressions;

namespace Tracker.Host.Imports.Reports;

/// <summary>The kinds of report title Tracker reads; each fixes where the judgements are printed.</summary>
public enum ReportFamily
{
    /// <summary>"Inspection of looked after children services" (before SIF): judgements in the record of main findings.</summary>
    Lac,
    /// <summary>"Inspection of services for children in need of help and protection, children looked after and care leavers".</summary>
    Sif,
    /// <summary>"Re-inspection of services for children in need of help and protection, …".</summary>
    SifReInspection,
    /// <summary>"Inspection of … children's services" with the ILACS judgement table on page 1.</summary>
    Ilacs,
}

/// <summary>The title and the authority as printed on page 1.</summary>
public sealed record ReportTitle(ReportFamily Family, string Title, string? Authority)
{
    /// <summary>Recognises page 1, or null when it is not a local authority children's services inspection report.</summary>
    public static ReportTitle? Recognise(string page1) => TitlePatterns.Recognise(ReportText.Flatten(page1));
}

internal static partial class TitlePatterns
{
    private const string SifTitle =
        @"inspection of services for children in need of help and\s?protection,? children looked after and care leavers";

    [GeneratedRegex(@"^(?<pre>.*?)\s*(?<title>Re-\s?" + SifTitle + ")", RegexOptions.IgnoreCase)]
    private static partial Regex SifReInspection();
    [GeneratedRegex(@"^(?<pre>.*?)\s*(?<title>" + SifTitle + ")", RegexOptions.IgnoreCase)]
    private static partial Regex Sif();
    [GeneratedRegex(@"^(?<title>Inspection of looked after children services)\s+(?<post>.+?)\s+Inspection dates?\b", RegexOptions.IgnoreCase)]
    private static partial Regex Lac();
    [GeneratedRegex(@"^(?<pre>.*?)\s*(?<title>Inspection of (?<subject>.+?))\s+Inspection dates?:", RegexOptions.IgnoreCase)]
    private static partial Regex Ilacs();
    // Every ILACS report prints this first row; a school or provider report headed "Inspection of …" never does.
    [GeneratedRegex(@"Judgement Grade The impact of leaders on", RegexOptions.IgnoreCase)]
    private static partial Regex IlacsTable();
    [GeneratedRegex(@"\s+(?:local authority\s+)?children[’']s services$", RegexOptions.IgnoreCase)]
    private static partial Regex ServicesSuffix();
    [GeneratedRegex(@"^(?:local authority\s+)?children[’']s (?:social care\s+)?services$", RegexOptions.IgnoreCase)]
    private static partial Regex GenericSubject();

    public static ReportTitle? Recognise(string flat)
    {
        if (SifReInspection().Match(flat) is { Success: true } re)
            return new ReportTitle(ReportFamily.SifReInspection, re.Groups["title"].Value, Name(re.Groups["pre"].Value));
        if (Sif().Match(flat) is { Success: true } sif)
            return new ReportTitle(ReportFamily.Sif, sif.Groups["title"].Value, Name(sif.Groups["pre"].Value));
        if (Lac().Match(flat) is { Success: true } lac)
            return new ReportTitle(ReportFamily.Lac, lac.Groups["title"].Value, Name(lac.Groups["post"].Value));
        if (Ilacs().Match(flat) is { Success: true } ilacs && IlacsTable().IsMatch(flat))
        {
            var subject = ilacs.Groups["subject"].Value;
            // "Inspection of children's social care services" names no one: the authority is the line above the title.
            var authority = GenericSubject().IsMatch(subject) ? ilacs.Groups["pre"].Value : ServicesSuffix().Replace(subject, "");
            return new ReportTitle(ReportFamily.Ilacs, ilacs.Groups["title"].Value, Name(authority));
        }
        return null;
    }

    private static string? Name(string text) => text.Trim() is { Length: > 0 } name ? name : null;
}
