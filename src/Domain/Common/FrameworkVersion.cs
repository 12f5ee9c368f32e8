using System.Text.Json.Serialization;

namespace Tracker.Domain.Common;

/// <summary>
/// The Ofsted inspection framework a report was made under; it fixes which judgement areas exist. Declared in
/// chronological order: code compares versions by it.
/// </summary>
public enum FrameworkVersion
{
    /// <summary>A report published before SIF whose source does not say which of the earlier frameworks it was under.</summary>
    [JsonStringEnumMemberName("pre-sif")] PreSif,
    /// <summary>"Inspection of looked after children services" (section 136), graded on the four-point scale with adequate.</summary>
    [JsonStringEnumMemberName("lac")] Lac,
    [JsonStringEnumMemberName("sif-2013")] Sif2013,
    [JsonStringEnumMemberName("ilacs-2018")] Ilacs2018,
    [JsonStringEnumMemberName("ilacs-2023")] Ilacs2023,
    [JsonStringEnumMemberName("ilacs-2026")] Ilacs2026,
}

public static class Frameworks
{
    /// <summary>
    /// The first publication date each framework's reports can carry. The frameworks before SIF have no lower bound
    /// Tracker can prove from the reports it holds.
    /// </summary>
    public static DateOnly FirstPublication(this FrameworkVersion version) => version switch
    {
        FrameworkVersion.PreSif or FrameworkVersion.Lac => DateOnly.MinValue,
        FrameworkVersion.Sif2013 => new DateOnly(2013, 11, 1),
        FrameworkVersion.Ilacs2018 => new DateOnly(2018, 1, 1),
        FrameworkVersion.Ilacs2023 => new DateOnly(2023, 1, 1),
        _ => new DateOnly(2026, 4, 1),
    };

    /// <summary>
    /// The framework whose period a publication date falls in (the importer's rule for rows that do not say). Before SIF
    /// several frameworks ran side by side, so a date alone says only <see cref="FrameworkVersion.PreSif"/>.
    /// </summary>
    public static FrameworkVersion InForceOn(DateOnly published) =>
        published >= FrameworkVersion.Ilacs2026.FirstPublication() ? FrameworkVersion.Ilacs2026
        : published >= FrameworkVersion.Ilacs2023.FirstPublication() ? FrameworkVersion.Ilacs2023
        : published >= FrameworkVersion.Ilacs2018.FirstPublication() ? FrameworkVersion.Ilacs2018
        : published >= FrameworkVersion.Sif2013.FirstPublication() ? FrameworkVersion.Sif2013
        : FrameworkVersion.PreSif;

    /// <summary>
    /// Ofsted's own "as at" statistics count the overall effectiveness of SIF and ILACS inspections only; reports under
    /// earlier frameworks are history (timelines, trends), not part of the national picture.
    /// </summary>
    public static bool CountsNationally(this FrameworkVersion version) => version >= FrameworkVersion.Sif2013;

    public static string ToWire(this FrameworkVersion version) => version switch
    {
        FrameworkVersion.PreSif => "pre-sif",
        FrameworkVersion.Lac => "lac",
        FrameworkVersion.Sif2013 => "sif-2013",
        FrameworkVersion.Ilacs2018 => "ilacs-2018",
        FrameworkVersion.Ilacs2023 => "ilacs-2023",
        _ => "ilacs-2026",
    };
}
