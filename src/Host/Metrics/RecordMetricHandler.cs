using Marten;
using Tracker.Domain.Metrics;
using Tracker.Host.Authorities;

namespace Tracker.Host.Metrics;

/// <summary>Handles <see cref="RecordMetric"/> from HTTP (via the bus) and from the durable command queue alike.</summary>
public static class RecordMetricHandler
{
    public static Task<CommandResult> Handle(RecordMetric command, IDocumentSession session, TimeProvider clock, CancellationToken ct) =>
        AuthorityWrites.ExecuteAsync(session, command, clock, RecordMetric.Decide, ct);
}
