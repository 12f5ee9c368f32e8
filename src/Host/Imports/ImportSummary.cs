namespace Tracker.Host.Imports;

/// <summary>One row or section the importer refused, with where it was and why. Never silently dropped.</summary>
public sealed record ImportRejection(int Line, string? Column, string Reason);

/// <summary>A cell the importer kept as unknown (or otherwise flagged), with where it was: the fact carries the same note.</summary>
public sealed record ImportNote(int Line, string Column, string RawValue, string Reason, string? Detail);

/// <summary>What an import did: the same answer on the command line and over HTTP.</summary>
/// <remarks>
/// Notes describe the file, so a re-import lists them again although it writes nothing; Corrected counts the reports
/// whose newer version in the file changed what the same source had said before.
/// </remarks>
public sealed record ImportSummary(
    string Format,
    int Read,
    int Appended,
    int DuplicatesSkipped,
    IReadOnlyList<ImportRejection> Rejected,
    int Unattributed = 0,
    int Suspect = 0,
    IReadOnlyList<string>? UnmatchedNames = null,
    int Corrected = 0,
    IReadOnlyList<ImportNote>? Notes = null,
    int Enriched = 0,
    int AttributedByEvidence = 0,
    int HeadingsDated = 0)
{
    public IReadOnlyDictionary<string, int> NotesByReason =>
        (Notes ?? []).GroupBy(n => n.Reason).OrderBy(g => g.Key, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count());

    public IEnumerable<string> Lines()
    {
        var unit = Format switch
        {
            ImportFormats.InspectionHistory => "rows",
            Reports.ReportImport.Format => "files",
            _ => "sections",
        };
        yield return $"Import summary ({Format}): {Read} {unit} read, {Appended} events appended ({Corrected} corrections, {Enriched} enrichments), " +
                     $"{DuplicatesSkipped} duplicates skipped, {Rejected.Count} refused, {Unattributed} unattributed, " +
                     $"{Suspect} suspect, {Notes?.Count ?? 0} data-quality notes, {AttributedByEvidence} page sections " +
                     $"attributed by evidence, {HeadingsDated} page headings settled by SIF reports.";
        foreach (var (reason, count) in NotesByReason) yield return $"  notes, {reason}: {count}";
        foreach (var n in Notes ?? [])
            yield return $"  note line {n.Line}, column {n.Column}, value '{n.RawValue}': {n.Reason}. {n.Detail}";
        foreach (var r in Rejected)
            yield return $"  refused line {r.Line}{(r.Column is null ? "" : $", column {r.Column}")}: {r.Reason}";
        foreach (var name in UnmatchedNames ?? [])
            yield return $"  unmatched name: {name}";
    }
}

/// <summary>Progress lines for long imports; the CLI prints them, HTTP ignores them.</summary>
public delegate void ImportProgress(string message);
