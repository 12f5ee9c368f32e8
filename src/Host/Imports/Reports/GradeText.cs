using System.Text.RegularExpressions;
using Tracker.Domain.Common;

namespace Tracker.Host.Imports.Reports;

/// <summary>The grade words Ofsted prints, and the scale each belongs to.</summary>
internal static partial class GradeText
{
    /// <summary>Longest first, so "Requires improvement to be good" is never read as "good".</summary>
    public const string Sif = @"requires?\s+improvement(?:\s+to\s+be\s+good)?|outstanding|good|inadequate";
    public const string Lac = @"outstanding|good|adequate|inadequate";

    [GeneratedRegex(@"\s+")] private static partial Regex Space();

    /// <summary>The grade a printed phrase states; null when the words are not a grade of that scale.</summary>
    public static Grade? Parse(string printed) => Space().Replace(printed.Trim(), " ").ToLowerInvariant() switch
    {
        "outstanding" => Grade.Outstanding,
        "good" => Grade.Good,
        "adequate" => Grade.Adequate,
        "inadequate" => Grade.Inadequate,
        "requires improvement" or "require improvement" or "requires improvement to be good"
            or "require improvement to be good" => Grade.RequiresImprovement,
        _ => null,
    };
}
