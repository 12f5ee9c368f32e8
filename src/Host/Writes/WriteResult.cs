using Tracker.Domain.Common;
using Tracker.Domain.Corrections;
using Tracker.Domain.Inspections;

namespace Tracker.Host.Writes;

public enum WriteStatus
{
    Recorded,
    AlreadyRecorded,
    /// <summary>The fact is there but withdrawn: sending it again appended nothing and it still does not count.</summary>
    Withdrawn,
    Rejected,
}

/// <summary>What one command did. <see cref="AuthorityId"/> is null when its authority is unknown.</summary>
public sealed record CommandResult(int Index, string? AuthorityId, string FactId, long Version, WriteStatus Status,
    IReadOnlyList<object> Events, Rejection? Rejection = null)
{
    public int Appended => Events.Count;
    public bool AlreadyRecorded => Status is WriteStatus.AlreadyRecorded or WriteStatus.Withdrawn;
    public bool Withdrawn => Status == WriteStatus.Withdrawn;
}

/// <summary>The writer's one answer, whoever called it: each command's result, in the order sent.</summary>
/// <param name="Written">Whether anything was committed (false when a rejection stopped an all-or-nothing write).</param>
public sealed record WriteResult(IReadOnlyList<WriteCommand> Commands, IReadOnlyList<CommandResult> Results, bool Written)
{
    public int Appended => Results.Sum(r => r.Appended);
    public int Duplicates => Results.Count(r => r.AlreadyRecorded);
    /// <summary>Reports a source's newer version changed (their corrections are among <see cref="Appended"/>).</summary>
    public int Corrected => Events.Count(e => e is InspectionCorrected { SourceRevision: true });
    public int Enriched => Events.Count(e => e is InspectionEnriched);

    public IEnumerable<object> Events => Results.SelectMany(r => r.Events);

    public IReadOnlyList<(WriteCommand Command, Rejection Reason)> Rejected =>
        [.. Results.Where(r => r.Rejection is not null).Select(r => (Commands[r.Index], r.Rejection!))];
}
