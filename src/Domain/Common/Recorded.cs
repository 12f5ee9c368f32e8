namespace Tracker.Domain.Common;

/// <summary>
/// Provenance: who recorded a fact and when Tracker learned it (record time, not domain time), and for facts read
/// from a file, which file and page.
/// </summary>
public sealed record Recorded(string By, DateTimeOffset At, SourcePage? Source = null)
{
    public DateOnly Today => DateOnly.FromDateTime(At.UtcDateTime);
}

/// <summary>A page of a source file, the file named by its SHA-256 (lowercase hex): where a fact was read.</summary>
public sealed record SourcePage(string Sha256, int Page);

/// <summary>Every fact event about an authority carries a stable id and its provenance.</summary>
public interface IFact
{
    string FactId { get; }
    Recorded Recorded { get; }
}
