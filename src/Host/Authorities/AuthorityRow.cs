using Tracker.Domain.Authorities;
using Tracker.Domain.Common;
using Tracker.Projections.CurrentGrades;
using Tracker.Projections.National;

namespace Tracker.Host.Authorities;

/// <summary>
/// One authority in a list, as at a date: its register fields and the grades of its latest graded inspection published
/// on or before asOf. <c>Grade</c> is its grade in the requested area, or "ungraded": exactly what the pictures count.
/// The register fields are those of <see cref="AuthorityEntry"/> (less its stream version), so list clients keep working.
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

    public static AuthorityRow From(AuthorityStanding s, string area, DateOnly asOf)
    {
        var latest = s.GradedOnOrBefore(asOf).FirstOrDefault();
        var grade = GradePictures.GradeOn(s, area, asOf);
        return new AuthorityRow(s.Id, s.Name, s.Slug, s.Id, s.Urn, s.GssCode, s.Region, s.RegionCode, s.AuthorityType, s.IsCurrent,
            s.FormedOn, s.AbolishedOn, s.Predecessors, s.Successors, s.StatisticalNeighbours, area,
            grade?.ToWire() ?? Ungraded, latest?.PublishedOn, latest?.Framework.ToWire(),
            latest?.Grades ?? new Dictionary<string, Grade>());
    }

    public static bool InRegion(AuthorityStanding s, string region) =>
        string.Equals(s.Region, region, StringComparison.OrdinalIgnoreCase) || string.Equals(s.RegionCode, region, StringComparison.OrdinalIgnoreCase)
        || string.Equals(Registration.ReferenceData.Slugify(s.Region ?? ""), region, StringComparison.OrdinalIgnoreCase);
}
