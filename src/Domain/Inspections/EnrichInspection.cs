using Tracker.Domain.Authorities;
using Tracker.Domain.Common;

namespace Tracker.Domain.Inspections;

/// <summary>
/// Fill a recorded inspection's unknowns from another source about the same report (see <see cref="InspectionMerge"/>).
/// <see cref="Current"/> is the content the caller read; it must still be the fact's content, so nothing read before a
/// concurrent change is merged. <see cref="SourceKey"/> makes it idempotent: one source enriches a fact once. Sent by
/// importers only, so it is not a queued command.
/// </summary>
public sealed record EnrichInspection(string Authority, string FactId, InspectionDetails Current, InspectionInput Other,
    string SourceKey, string SourceLabel)
{
    public static IReadOnlyList<object> Decide(Authority state, EnrichInspection command, Recorded recorded)
    {
        if (!state.Facts.TryGetValue(command.FactId, out var fact) || fact.Kind != FactKinds.Inspection)
            throw new Rejection(RejectionKind.NotFound, "Unknown inspection", $"{state.Name} has no inspection {command.FactId}.");
        if (fact.Withdrawn)
            throw Rejection.Conflict("Inspection withdrawn", $"Inspection {command.FactId} was withdrawn; it is not enriched.");
        if (fact.Sources?.Contains(command.SourceKey) == true) return [];
        if (fact.Fingerprint != command.Current.Fingerprint())
            throw Rejection.Conflict("The inspection changed meanwhile", $"Inspection {command.FactId} changed since it was read.");

        var errors = new Errors();
        var other = command.Other.Validate(recorded.Today, errors);
        errors.ThrowIfAny();
        var merged = InspectionMerge.Fill(command.Current, other, command.SourceLabel);
        return [new InspectionEnriched(command.FactId, merged.Details, command.SourceKey, command.SourceLabel, merged.Filled, recorded)];
    }
}
