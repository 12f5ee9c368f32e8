using Tracker.Domain.Authorities;
using Tracker.Domain.Common;
using Tracker.Projections.CurrentGrades;

namespace Tracker.Projections.Authorities;

/// <summary>
/// One authority in a list, as at a date: its register fields and the grades of its latest graded inspection published
/// on or before asOf. <c>Grade</c> is its grade in the requested area, or "ungraded": exactly what the pictures count.
/// The register fields are those of the register entry (less its stream version), so list clients keep working.
/// </summary>
public sealed record AuthorityRow(
    string Id,
    string Name,
    string Slug,
    string DfeCode,
    string? Urn,
    string? GssCode,
    string? Region,
    string? RegionCode,
    string? AuthorityType,
    bool IsCurrent,
    DateOnly? FormedOn,
    DateOnly? AbolishedOn,
    IReadOnlyList<LineageLink> Predecessors,
    IReadOnlyList<LineageLink> Successors,
    IReadOnlyList<string> StatisticalNeighbours,
    string Area,
    string Grade,
    DateOnly? LatestPublishedOn,
    string? Framework,
    IReadOnlyDictionary<string, Grade> Grades)
{
    public const string Ungraded = "ungraded";

    public static readonly string[] CsvHeader =
        ["id", "name", "region", "region_code", "is_current", "area", "grade", "latest_published_on", "framework"];

    [System.Text.Json.Serialization.JsonIgnore]
    public IReadOnlyList<object?> CsvCells => [Id, Name, Region, RegionCode, IsCurrent, Area, Grade, LatestPublishedOn, Framework];

    public static AuthorityRow From(AuthorityStanding s, string area, DateOnly asOf) => From(AuthorityListing.Of(s), area, asOf);

    /// <summary>The row's latest is the latest of any framework; its grade, as in the pictures, SIF or ILACS only.</summary>
    public static AuthorityRow From(AuthorityListing s, string area, DateOnly asOf)
    {
        var latest = LatestInspection.Of(s.Inspections, asOf);
        var counted = LatestInspection.Of(s.Inspections, asOf, nationalOnly: true);
        var grade = counted is not null && counted.Grades.TryGetValue(area, out var g) && g.IsGraded() ? g : (Grade?)null;
        return new AuthorityRow(s.Id, s.Name, s.Slug, s.Id, s.Urn, s.GssCode, s.Region, s.RegionCode, s.AuthorityType,
            s.AbolishedOn is null, s.FormedOn, s.AbolishedOn, s.Predecessors, s.Successors, s.StatisticalNeighbours, area,
            grade?.ToWire() ?? Ungraded, latest?.PublishedOn, latest?.Framework.ToWire(),
            latest?.Grades ?? new Dictionary<string, Grade>());
    }

    public static bool InRegion(AuthorityStanding s, string region) => RegionNames.Matches(s.Region, s.RegionCode, region);
}

/// <summary>
/// The fields of a standing a list row needs (no visits, JTAIs, withdrawn reports or data-quality notes): what the
/// list selects from the database instead of whole standings.
/// </summary>
public sealed class AuthorityListing
{
    public string Id { get; set; } = "";
    public string Name { get; set; } = "";
    public string Slug { get; set; } = "";
    public string? Urn { get; set; }
    public string? GssCode { get; set; }
    public string? AuthorityType { get; set; }
    public string? Region { get; set; }
    public string? RegionCode { get; set; }
    public DateOnly? FormedOn { get; set; }
    public DateOnly? AbolishedOn { get; set; }
    public List<LineageLink> Predecessors { get; set; } = [];
    public List<LineageLink> Successors { get; set; } = [];
    public List<string> StatisticalNeighbours { get; set; } = [];
    public List<InspectionItem> Inspections { get; set; } = [];

    public static AuthorityListing Of(AuthorityStanding s) => new()
    {
        Id = s.Id, Name = s.Name, Slug = s.Slug, Urn = s.Urn, GssCode = s.GssCode, AuthorityType = s.AuthorityType,
        Region = s.Region, RegionCode = s.RegionCode, FormedOn = s.FormedOn, AbolishedOn = s.AbolishedOn,
        Predecessors = s.Predecessors, Successors = s.Successors, StatisticalNeighbours = s.StatisticalNeighbours,
        Inspections = s.Inspections,
    };
}
