using Tracker.Domain.Common;

namespace Tracker.Domain.Authorities;

/// <summary>A local authority entered Tracker's register with its codes, region and statistical neighbours.</summary>
public sealed record AuthorityRegistered(
    string AuthorityId,
    string Name,
    string Slug,
    string? Urn,
    string? GssCode,
    string? Region,
    string? RegionCode,
    string? AuthorityType,
    IReadOnlyList<string> StatisticalNeighbours,
    IReadOnlyList<string> AlsoKnownAs,
    string Source,
    Recorded Recorded);
