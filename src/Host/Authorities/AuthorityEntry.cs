using Tracker.Domain.Authorities;

namespace Tracker.Host.Authorities;

/// <summary>An authority's register entry: its codes, region, statistical neighbours and lineage.</summary>
public sealed record AuthorityEntry(
    string Id,
    string Name,
    string Slug,
    string? DfeCode,
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
    long Version)
{
    public static AuthorityEntry From(Authority a) => new(a.Id, a.Name, a.Slug, a.Id, a.Urn, a.GssCode, a.Region, a.RegionCode,
        a.AuthorityType, a.IsCurrent, a.FormedOn, a.AbolishedOn, a.Predecessors, a.Successors, a.StatisticalNeighbours, a.Version);
}
