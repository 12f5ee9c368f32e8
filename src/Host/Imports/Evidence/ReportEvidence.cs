namespace Tracker.Host.Imports.Evidence;

/// <summary>
/// The text of one imported report file, normalised for matching, with the authority and inspection it was recorded
/// on. Kept so that a section of another source (the IRO page) can be attributed by the report it quotes, whatever
/// the order of imports. Keyed by the file's sha256: the same file imported twice is one document.
/// </summary>
public sealed class ReportEvidence
{
    public string Id { get; set; } = "";
    public string AuthorityId { get; set; } = "";
    public string FactId { get; set; } = "";
    public DateOnly? PublishedOn { get; set; }
    /// <summary>True when the file recorded the inspection itself; false when it enriched one recorded before.</summary>
    public bool RecordedFact { get; set; }
    public string Text { get; set; } = "";
}
