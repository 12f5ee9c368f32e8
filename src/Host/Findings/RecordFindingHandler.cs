using Marten;
using Tracker.Domain.Findings;
using Tracker.Host.Authorities;

namespace Tracker.Host.Findings;

/// <summary>Handles <see cref="RecordFinding"/> from HTTP (via the bus) and from the durable command queue alike.</summary>
public static class RecordFindingHandler
{
    public static Task<CommandResult> Handle(RecordFinding command, IDocumentSession session, TimeProvider clock, CancellationToken ct) =>
        AuthorityWrites.ExecuteAsync(session, command, clock, RecordFinding.Decide, ct);
}
