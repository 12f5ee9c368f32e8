using System.Text.Json.Serialization;

namespace Tracker.Host.Imports.IroPage;

public enum SectionStatus
{
    /// <summary>Its findings and metrics are recorded on <see cref="ImportedSection.AuthorityId"/>.</summary>
    [JsonStringEnumMemberName("attributed")] Attributed,
    /// <summary>Its heading was lost in the scrape; it waits for a user to say whose it is.</summary>
    [JsonStringEnumMemberName("unattributed")] Unattributed,
    /// <summary>Its heading names no authority in the register.</summary>
    [JsonStringEnumMemberName("unmatched")] Unmatched,
    /// <summary>Its heading named an authority, but it cites periods after that authority's SIF report: held until confirmed.</summary>
    [JsonStringEnumMemberName("suspect")] Suspect,
}

/// <summary>
/// What Tracker knows about one section of the IRO page: its content, whose it is (if anyone's) and why it is held.
/// Kept as a document so a held section can be attributed later, and so a user's decision survives re-imports.
/// </summary>
public sealed class ImportedSection
{
    public string Id { get; set; } = "";
    public PageSection Section { get; set; } = null!;
    public SectionStatus Status { get; set; }
    /// <summary>The attributed authority, or for a suspect section the one its heading proposed.</summary>
    public string? AuthorityId { get; set; }
    /// <summary>
    /// "heading" when the page's heading attributed it, "evidence" when the report it quotes did, "user" when a user did
    /// (evidence and user attributions survive re-imports; a user's is never changed).
    /// </summary>
    public string? AttributedBy { get; set; }
    public string? Reason { get; set; }
    /// <summary>Whether the section's findings and metrics are currently recorded (not withdrawn) on <see cref="AuthorityId"/>.</summary>
    public bool Appended { get; set; }
    /// <summary>The sha256 of the report whose text holds the section's sentences, when evidence attributed it.</summary>
    public string? EvidenceReport { get; set; }
    /// <summary>The section's sentences found in that report, as matched (normalised).</summary>
    public List<string> Evidence { get; set; } = [];
    /// <summary>The SIF report fact that dates the heading's grade (its children looked after grade matches), if any.</summary>
    public string? HeadingDatedBy { get; set; }
}
