using Marten;
using Tracker.Domain.Visits;
using Tracker.Host.Authorities;

namespace Tracker.Host.Visits;

/// <summary>Handles <see cref="RecordFocusedVisit"/> from HTTP (via the bus) and from the durable command queue alike.</summary>
public static class RecordFocusedVisitHandler
{
    public static Task<CommandResult> Handle(RecordFocusedVisit command, IDocumentSession session, TimeProvider clock, CancellationToken ct) =>
        AuthorityWrites.ExecuteAsync(session, command, clock, RecordFocusedVisit.Decide, ct);
}
