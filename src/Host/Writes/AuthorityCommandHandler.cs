using Tracker.Domain.Corrections;
using Tracker.Domain.Findings;
using Tracker.Domain.Inspections;
using Tracker.Domain.Jtais;
using Tracker.Domain.Metrics;
using Tracker.Domain.Visits;

namespace Tracker.Host.Writes;

/// <summary>
/// Every client command, from HTTP (through the bus) or from the durable command queue, goes to the one writer. The
/// commands decide for themselves; Wolverine needs one handler per concrete message type to route and deserialize them.
/// </summary>
public static class AuthorityCommandHandler
{
    public static Task<CommandResult> Handle(RecordInspection command, AuthorityWriter writer, CancellationToken ct) =>
        writer.WriteOneAsync(command, ct);

    public static Task<CommandResult> Handle(RecordMonitoringVisit command, AuthorityWriter writer, CancellationToken ct) =>
        writer.WriteOneAsync(command, ct);

    public static Task<CommandResult> Handle(RecordFocusedVisit command, AuthorityWriter writer, CancellationToken ct) =>
        writer.WriteOneAsync(command, ct);

    public static Task<CommandResult> Handle(RecordJtai command, AuthorityWriter writer, CancellationToken ct) =>
        writer.WriteOneAsync(command, ct);

    public static Task<CommandResult> Handle(RecordMetric command, AuthorityWriter writer, CancellationToken ct) =>
        writer.WriteOneAsync(command, ct);

    public static Task<CommandResult> Handle(RecordFinding command, AuthorityWriter writer, CancellationToken ct) =>
        writer.WriteOneAsync(command, ct);

    public static Task<CommandResult> Handle(CorrectFact command, AuthorityWriter writer, CancellationToken ct) =>
        writer.WriteOneAsync(command, ct);
}
