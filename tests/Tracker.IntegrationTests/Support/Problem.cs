namespace Tracker.IntegrationTests.Support;

/// <summary>An RFC 9457 problem body as the API writes it.</summary>
public sealed record Problem(string? Type, string? Title, int? Status, string? Detail, string? Code, string? TraceId, Dictionary<string, string[]>? Errors);
