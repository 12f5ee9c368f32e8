namespace Tracker.Host.Imports;

/// <summary>One row or section the importer refused, with where it was and why. Never silently dropped.</summary>
public sealed record ImportRejection(int Line, string? Column, string Reason);

/// <summary>What an import did: the same answer on the command line and over HTTP.</summary>
public sealed record ImportSummary(
    string Format,
    int Read,
    int Appended,
    int DuplicatesSkipped,
    IReadOnlyList<ImportRejection> Rejected,
    int Unattributed = 0,
    int Suspect = 0,
    IReadOnlyList<string>? UnmatchedNames = null)
{
    public IEnumerable<string> Lines()
    {
        var unit = Format == ImportFormats.InspectionHistory ? "rows" : "sections";
        yield return $"Import summary ({Format}): {Read} {unit} read, {Appended} events appended, {DuplicatesSkipped} duplicates skipped, " +
                     $"{Rejected.Count} rejected, {Unattributed} unattributed, {Suspect} suspect.";
        foreach (var r in Rejected)
            yield return $"  rejected line {r.Line}{(r.Column is null ? "" : $", column {r.Column}")}: {r.Reason}";
        foreach (var name in UnmatchedNames ?? [])
            yield return $"  unmatched name: {name}";
    }
}

/// <summary>Progress lines for long imports; the CLI prints them, HTTP ignores them.</summary>
public delegate void ImportProgress(string message);
