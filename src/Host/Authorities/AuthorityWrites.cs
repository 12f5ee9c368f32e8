using Marten;
using Tracker.Domain.Authorities;
using Tracker.Domain.Common;

namespace Tracker.Host.Authorities;

/// <summary>What a command did: appended events, or recognised a fact it already had (<see cref="Withdrawn"/>: and
/// that fact is withdrawn, so the caller learns it does not count rather than that it was recorded).</summary>
public sealed record CommandResult(string AuthorityId, string FactId, long Version, int Appended, bool Withdrawn = false)
{
    public bool AlreadyRecorded => Appended == 0;
}

/// <summary>The one write path every authority command takes: resolve, fetch with the expected version, decide, append.</summary>
public static class AuthorityWrites
{
    public static async Task<CommandResult> ExecuteAsync<TCommand>(
        IDocumentSession session, TCommand command, TimeProvider clock,
        Func<Authority, TCommand, Recorded, IReadOnlyList<object>> decide, CancellationToken ct)
        where TCommand : IAuthorityCommand
    {
        var stream = await AuthorityStreams.FetchForWritingAsync(session, command, ct);
        var recordedBy = string.IsNullOrWhiteSpace(command.RecordedBy) ? "anonymous" : command.RecordedBy;
        var events = decide(stream.Aggregate!, command, new Recorded(recordedBy, clock.GetUtcNow()));
        if (events.Count > 0) stream.AppendMany(events.ToArray());

        var factId = events.OfType<IFact>().FirstOrDefault()?.FactId ?? command.FactId;
        // Wolverine's transactional middleware commits the session after the handler returns.
        var withdrawn = events.Count == 0 && FactLedger.IsWithdrawn(stream.Aggregate!, factId);
        return new CommandResult(stream.Key!, factId, (stream.StartingVersion ?? 0) + events.Count, events.Count, withdrawn);
    }
}
