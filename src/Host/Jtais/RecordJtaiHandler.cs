using Marten;
using Tracker.Domain.Jtais;
using Tracker.Host.Authorities;

namespace Tracker.Host.Jtais;

/// <summary>Handles <see cref="RecordJtai"/> from HTTP (via the bus) and from the durable command queue alike.</summary>
public static class RecordJtaiHandler
{
    public static Task<CommandResult> Handle(RecordJtai command, IDocumentSession session, TimeProvider clock, CancellationToken ct) =>
        AuthorityWrites.ExecuteAsync(session, command, clock, RecordJtai.Decide, ct);
}
