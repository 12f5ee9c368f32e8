using Tracker.Domain.Common;
using Tracker.Domain.DataQuality;

namespace Tracker.Projections.DataQuality;

/// <summary>
/// One data-quality note on one fact, with its life: raised when a version of the fact first carried it, resolved when
/// a later version (a correction) no longer does, or withdrawn with its fact. Entries are never removed.
/// </summary>
public sealed record DataQualityEntry(
    string FactId,
    string Column,
    string RawValue,
    string Reason,
    string? Detail,
    NoteStatus Status,
    DateTimeOffset RaisedAt,
    string RaisedBy,
    DateTimeOffset? SettledAt = null,
    string? SettledBy = null,
    string? Settlement = null)
{
    public string Key => $"{Column}|{Reason}|{RawValue}";
}

/// <summary>The pure fold of notes that <c>AuthorityStanding.Step</c> applies for each fact event.</summary>
public static class DataQualityLedger
{
    /// <summary>A version of the fact carries these notes: open the new ones, resolve the open ones it no longer carries.</summary>
    public static void Revise(List<DataQualityEntry> entries, string factId, IReadOnlyList<DataQualityNote>? notes,
        Recorded recorded, string? reason)
    {
        var now = (notes ?? []).ToDictionary(n => n.Key, StringComparer.Ordinal);
        for (var i = 0; i < entries.Count; i++)
        {
            var e = entries[i];
            if (e.FactId != factId || e.Status != NoteStatus.Open || now.ContainsKey(e.Key)) continue;
            entries[i] = e with
            {
                Status = NoteStatus.Resolved, SettledAt = recorded.At, SettledBy = recorded.By,
                Settlement = reason ?? "a later version of the fact no longer carries this note",
            };
        }
        foreach (var note in now.Values.Where(n => !entries.Any(e => e.FactId == factId && e.Status == NoteStatus.Open && e.Key == n.Key)))
            entries.Add(new DataQualityEntry(factId, note.Column, note.RawValue, note.Reason, note.Detail, NoteStatus.Open,
                recorded.At, recorded.By));
    }

    public static void Withdraw(List<DataQualityEntry> entries, string factId, Recorded recorded, string reason)
    {
        for (var i = 0; i < entries.Count; i++)
        {
            if (entries[i] is { Status: NoteStatus.Open } e && e.FactId == factId)
                entries[i] = e with { Status = NoteStatus.Withdrawn, SettledAt = recorded.At, SettledBy = recorded.By, Settlement = reason };
        }
    }
}
