using Tracker.Domain.Common;
using Tracker.Projections.CurrentGrades;
using Tracker.Projections.National;

namespace Tracker.Host.Authorities;

/// <summary>
/// One authority in a list, as at a date: its register fields and the grades of its latest graded inspection published
/// on or before asOf. <c>Grade</c> is its grade in the requested area, or "ungraded": exactly what the pictures count.
/// </summary>
public sealed record AuthorityRow(
    string Id,
    string Name,
    string Slug,
    string? Region,
    string? RegionCode,
    bool IsCurrent,
    DateOnly? FormedOn,
    DateOnly? AbolishedOn,
    string Area,
    string Grade,
    DateOnly? LatestPublishedOn,
    string? Framework,
    IReadOnlyDictionary<string, Grade> Grades)
{
    public const string Ungraded = "ungraded";

    public static readonly string[] CsvHeader =
        ["id", "name", "region", "region_code", "is_current", "area", "grade", "latest_published_on", "framework"];

    public IReadOnlyList<object?> CsvCells => [Id, Name, Region, RegionCode, IsCurrent, Area, Grade, LatestPublishedOn, Framework];

    public static AuthorityRow From(AuthorityStanding s, string area, DateOnly asOf)
    {
        var latest = s.GradedOnOrBefore(asOf).FirstOrDefault();
        var grade = GradePictures.GradeOn(s, area, asOf);
        return new AuthorityRow(s.Id, s.Name, s.Slug, s.Region, s.RegionCode, s.IsCurrent, s.FormedOn, s.AbolishedOn, area,
            grade?.ToWire() ?? Ungraded, latest?.PublishedOn, latest?.Framework.ToWire(),
            latest?.Grades ?? new Dictionary<string, Grade>());
    }

    public static bool InRegion(AuthorityStanding s, string region) =>
        string.Equals(s.Region, region, StringComparison.OrdinalIgnoreCase) || string.Equals(s.RegionCode, region, StringComparison.OrdinalIgnoreCase)
        || string.Equals(Registration.ReferenceData.Slugify(s.Region ?? ""), region, StringComparison.OrdinalIgnoreCase);
}
