using System.Globalization;
using Tracker.Host.Common;

namespace Tracker.Host.Imports.Reports;

/// <summary>
/// What a report file does not print about itself but its caller knows: the publication date (ILACS reports do not
/// print it on page 1) and the report's link. From a folder's manifest.csv, or the query of POST /api/imports.
/// </summary>
public sealed record ReportHints(DateOnly? PublishedOn, string? ReportReference)
{
    public static readonly ReportHints None = new(null, null);

    /// <summary>The hints of an HTTP upload; a date that does not parse is a 400, never ignored.</summary>
    public static ReportHints Parse(string? publishedOn, string? reportReference)
    {
        var errors = new Tracker.Domain.Common.Errors();
        DateOnly? published = null;
        if (publishedOn is not null)
        {
            if (DateOnly.TryParseExact(publishedOn, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)) published = d;
            else errors.Add("publishedOn", "must be a date, yyyy-MM-dd.");
        }
        errors.Text("reportReference", reportReference, 500);
        errors.ThrowIfAny();
        return new ReportHints(published, string.IsNullOrWhiteSpace(reportReference) ? null : reportReference.Trim());
    }

    /// <summary>
    /// A manifest.csv beside the files (columns <c>file</c>, <c>published</c> as yyyy-MM-dd, <c>report_link</c>), as the
    /// shared report folder has; an unreadable cell is no hint, never a guess.
    /// </summary>
    public static Dictionary<string, ReportHints> FromManifest(string folder)
    {
        var path = Path.Combine(folder, "manifest.csv");
        var hints = new Dictionary<string, ReportHints>(StringComparer.OrdinalIgnoreCase);
        if (!File.Exists(path)) return hints;
        using var reader = new StreamReader(path);
        foreach (var (_, values) in Csv.ReadWithHeader(reader))
        {
            if (!values.TryGetValue("file", out var file) || file.Length == 0) continue;
            DateOnly? published = DateOnly.TryParseExact(values.GetValueOrDefault("published"), "yyyy-MM-dd",
                CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d : null;
            var link = values.GetValueOrDefault("report_link") is { Length: > 0 } l ? l : null;
            hints[file] = new ReportHints(published, link);
        }
        return hints;
    }
}
