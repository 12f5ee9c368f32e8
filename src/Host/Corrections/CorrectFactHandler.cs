using Marten;
using Tracker.Domain.Corrections;
using Tracker.Host.Authorities;

namespace Tracker.Host.Corrections;

/// <summary>Handles <see cref="CorrectFact"/> from HTTP (via the bus) and from the durable command queue alike.</summary>
public static class CorrectFactHandler
{
    public static Task<CommandResult> Handle(CorrectFact command, IDocumentSession session, TimeProvider clock, CancellationToken ct) =>
        AuthorityWrites.ExecuteAsync(session, command, clock, CorrectFact.Decide, ct);
}
