using System.Text.Json.Serialization;

namespace Tracker.Domain.Common;

/// <summary>The Ofsted inspection framework a report was made under; it fixes which judgement areas exist.</summary>
public enum FrameworkVersion
{
    [JsonStringEnumMemberName("sif-2013")] Sif2013,
    [JsonStringEnumMemberName("ilacs-2018")] Ilacs2018,
    [JsonStringEnumMemberName("ilacs-2023")] Ilacs2023,
    [JsonStringEnumMemberName("ilacs-2026")] Ilacs2026,
}

public static class Frameworks
{
    /// <summary>The first publication date each framework's reports can carry.</summary>
    public static DateOnly FirstPublication(this FrameworkVersion version) => version switch
    {
        FrameworkVersion.Sif2013 => new DateOnly(2013, 11, 1),
        FrameworkVersion.Ilacs2018 => new DateOnly(2018, 1, 1),
        FrameworkVersion.Ilacs2023 => new DateOnly(2023, 1, 1),
        _ => new DateOnly(2026, 4, 1),
    };

    /// <summary>The framework in force on a publication date (the importer's rule for rows that do not say).</summary>
    public static FrameworkVersion InForceOn(DateOnly published) =>
        published >= FrameworkVersion.Ilacs2026.FirstPublication() ? FrameworkVersion.Ilacs2026
        : published >= FrameworkVersion.Ilacs2023.FirstPublication() ? FrameworkVersion.Ilacs2023
        : published >= FrameworkVersion.Ilacs2018.FirstPublication() ? FrameworkVersion.Ilacs2018
        : FrameworkVersion.Sif2013;

    public static string ToWire(this FrameworkVersion version) => version switch
    {
        FrameworkVersion.Sif2013 => "sif-2013",
        FrameworkVersion.Ilacs2018 => "ilacs-2018",
        FrameworkVersion.Ilacs2023 => "ilacs-2023",
        _ => "ilacs-2026",
    };
}
