using System.Text;
using Tracker.Domain.Authorities;
using Tracker.Domain.Common;
using Tracker.Host.Common;

namespace Tracker.Host.Authorities.Registration;

/// <summary>The authority register and lineage as shipped in data/reference (see data/SOURCES.md).</summary>
public sealed partial record ReferenceData(IReadOnlyList<AuthorityRegistered> Register, IReadOnlyList<RecordLineage> Lineage)
{
    public const string RegisterSource = "data/reference/la-lookup.csv";
    public const string LineageSource = "data/reference/uk-local-authorities-lineage.csv";

    /// <summary>Reorganisations before the SIF era are out of Tracker's scope.</summary>
    public static readonly DateOnly LineageFrom = new(2013, 1, 1);

    public static ReferenceData Load(string baseDirectory, Recorded recorded)
    {
        var register = ReadRegister(Path.Combine(baseDirectory, RegisterSource), recorded);
        using var lineage = new StreamReader(Path.Combine(baseDirectory, LineageSource), Encoding.UTF8);
        return LineageReader.Apply(register, Csv.ReadWithHeader(lineage).Select(r => r.Values), recorded);
    }

    private static List<AuthorityRegistered> ReadRegister(string path, Recorded recorded)
    {
        using var reader = new StreamReader(path, Encoding.UTF8);
        return Csv.ReadWithHeader(reader).Select(row => row.Values).Select(v => new AuthorityRegistered(
            AuthorityId: v["la_code"].Trim(),
            Name: v["local_authority_ons_name"].Trim(),
            Slug: Slugify(v["local_authority_ons_name"]),
            Urn: NullIfEmpty(v["urn"]),
            GssCode: NullIfEmpty(v["la_code_new"]),
            Region: NullIfEmpty(v["region_name"]),
            RegionCode: NullIfEmpty(v["rgn22cd"]),
            AuthorityType: NullIfEmpty(v["ons_la_type"]),
            StatisticalNeighbours: SplitList(v["stat_neighbours"]),
            AlsoKnownAs: SplitList(v["also_known_as"].Trim('[', ']')),
            Source: RegisterSource,
            Recorded: recorded)).ToList();
    }

    public static string Slugify(string name) => Domain.Authorities.Slugs.Of(name);

    internal static string? NullIfEmpty(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    private static string[] SplitList(string text) =>
        text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
