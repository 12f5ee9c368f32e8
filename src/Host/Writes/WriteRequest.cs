using Tracker.Domain.Common;

namespace Tracker.Host.Writes;

/// <summary>One command as the writer takes it, with where an import read it (for its summary and its events).</summary>
/// <param name="Line">The source's line or page, for an import's report of what it refused; 0 for an API call.</param>
/// <param name="Source">The file page the command was read from; its events carry it as
/// <see cref="Recorded.Source"/>.</param>
public sealed record WriteCommand(IAuthorityCommand Command, int Line = 0, string? Column = null, SourcePage? Source = null);

public enum WriteMode
{
    /// <summary>Nothing is written if any command is rejected: a single command, a batch.</summary>
    AllOrNothing,

    /// <summary>Rejected commands are reported and skipped; the others are written: an import.</summary>
    SkipRejected,

    /// <summary>
    /// A source that is one thing (a report file): nothing is written unless the first command, the thing itself, is
    /// accepted; then the rest as with <see cref="SkipRejected"/>, and <see cref="WriteRequest.Document"/> with them.
    /// </summary>
    WholeSource,
}

/// <param name="Recorded">Provenance shared by every event (an import's run); null: each command's caller, now.</param>
/// <param name="Document">A document stored in the same transaction as the events (an import's evidence).</param>
public sealed record WriteRequest(IReadOnlyList<WriteCommand> Commands, WriteMode Mode, Recorded? Recorded = null,
    object? Document = null)
{
    public static WriteRequest One(IAuthorityCommand command) => new([new WriteCommand(command)], WriteMode.AllOrNothing);
}
