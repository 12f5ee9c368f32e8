using Marten;
using Tracker.Domain.Inspections;
using Tracker.Host.Authorities;

namespace Tracker.Host.Inspections;

/// <summary>Handles <see cref="RecordInspection"/> from HTTP (via the bus) and from the durable command queue alike.</summary>
public static class RecordInspectionHandler
{
    public static Task<CommandResult> Handle(RecordInspection command, IDocumentSession session, TimeProvider clock, CancellationToken ct) =>
        AuthorityWrites.ExecuteAsync(session, command, clock, RecordInspection.Decide, ct);
}
