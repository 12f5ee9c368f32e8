using System.Text.Json.Serialization;
using Tracker.Projections.Integrations;

namespace Tracker.Host.Integrations;

/// <summary>
/// One integration event in CloudEvents 1.0 structured JSON. <see cref="Id"/> derives from the Marten event id, so every
/// redelivery of the same fact carries the same id; <see cref="Sequence"/> is its
/// <see cref="FeedPosition"/> (the replay cursor), written as a zero-padded string.
/// </summary>
public sealed record CloudEvent(
    [property: JsonPropertyName("specversion")] string SpecVersion,
    [property: JsonPropertyName("id")] string Id,
    [property: JsonPropertyName("source")] string Source,
    [property: JsonPropertyName("type")] string Type,
    [property: JsonPropertyName("subject")] string Subject,
    [property: JsonPropertyName("time")] DateTimeOffset Time,
    [property: JsonPropertyName("datacontenttype")] string DataContentType,
    [property: JsonPropertyName("sequence")] FeedPosition Sequence,
    [property: JsonPropertyName("data")] IntegrationData Data);

/// <summary>The business content of an integration event; members that do not apply to a type are omitted.</summary>
public sealed record IntegrationData
{
    public required AuthorityRef Authority { get; init; }
    public required string FactId { get; init; }
    public string? Framework { get; init; }
    public string? Kind { get; init; }
    public DateOnly? StartDate { get; init; }
    public DateOnly? EndDate { get; init; }
    public DateOnly? PublishedOn { get; init; }
    public string? DatePrecision { get; init; }
    public string? ReportReference { get; init; }
    public string? Topic { get; init; }
    public string? Theme { get; init; }
    public IReadOnlyList<string>? Inspectorates { get; init; }
    public IReadOnlyDictionary<string, string>? Grades { get; init; }
    public PreviousInspection? Previous { get; init; }
    public IReadOnlyList<GradeChange>? Changes { get; init; }
    public string? Reason { get; init; }
    public string? Metric { get; init; }
    public object? Value { get; init; }
    public required string RecordedBy { get; init; }
    public required DateTimeOffset RecordedAt { get; init; }
}

/// <summary>Every code an integrator may key on, plus the name and region at the time of mapping.</summary>
public sealed record AuthorityRef(string DfeCode, string? GssCode, string? Urn, string Slug, string Name, string? Region, string? RegionCode);
