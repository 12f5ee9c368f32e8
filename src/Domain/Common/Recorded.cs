namespace Tracker.Domain.Common;

/// <summary>Provenance: who recorded a fact and when Tracker learned it (record time, not domain time).</summary>
public sealed record Recorded(string By, DateTimeOffset At)
{
    public DateOnly Today => DateOnly.FromDateTime(At.UtcDateTime);
}

/// <summary>Every fact event about an authority carries a stable id and its provenance.</summary>
public interface IFact
{
    string FactId { get; }
    Recorded Recorded { get; }
}
