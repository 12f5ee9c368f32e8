using System.Security.Cryptography;
using System.Text;

namespace Tracker.Domain.Common;

/// <summary>
/// Stable fact ids derived from each fact's natural key, so the same report or observation sent twice
/// maps to the same id and can be recognised as a duplicate.
/// </summary>
public static class FactIds
{
    /// <summary>Reports (inspections, visits, JTAIs) are keyed by their reference alone: one report, one fact.</summary>
    public static string ForReport(string reportReference) => "r-" + Hash(ReportReferences.Canonical(reportReference));

    public static string ForMetric(string metric, string periodKey, string sourceReference) =>
        "m-" + Hash($"{metric}|{periodKey}|{ReportReferences.Canonical(sourceReference)}");

    public static string ForFinding(string service, string quote, string sourceReference) =>
        "f-" + Hash($"{service}|{Normalise(quote)}|{ReportReferences.Canonical(sourceReference)}");

    public static string Fingerprint(params object?[] parts) =>
        Hash(string.Join('\u001f', parts.Select(p => p switch
        {
            null => "∅",
            IEnumerable<KeyValuePair<string, Grade>> grades => string.Join(',', grades.OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => $"{g.Key}={g.Value}")),
            IEnumerable<string> list => string.Join(',', list),
            DateOnly d => d.ToString("yyyy-MM-dd"),
            decimal m => m.ToString(System.Globalization.CultureInfo.InvariantCulture),
            _ => p.ToString(),
        })));

    internal static string Normalise(string text) => string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));

    private static string Hash(string text) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)))[..16];
}
