using Marten;
using Tracker.Domain.Visits;
using Tracker.Host.Authorities;

namespace Tracker.Host.Visits;

/// <summary>Handles <see cref="RecordMonitoringVisit"/> from HTTP (via the bus) and from the durable command queue alike.</summary>
public static class RecordMonitoringVisitHandler
{
    public static Task<CommandResult> Handle(RecordMonitoringVisit command, IDocumentSession session, TimeProvider clock, CancellationToken ct) =>
        AuthorityWrites.ExecuteAsync(session, command, clock, RecordMonitoringVisit.Decide, ct);
}
