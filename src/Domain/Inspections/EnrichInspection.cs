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
    string SourceKey, string SourceLabel) : IAuthorityCommand
{
    public string RecordedBy => SourceLabel;
    public long? ExpectedVersion => null;

    public IReadOnlyList<object> Decide(Authority state, Recorded recorded)
    {
        if (!state.Facts.TryGetValue(FactId, out var fact) || fact.Kind != FactKinds.Inspection)
            throw new Rejection(RejectionKind.NotFound, "Unknown inspection", $"{state.Name} has no inspection {FactId}.");
        if (fact.Withdrawn)
            throw Rejection.Conflict("Inspection withdrawn", $"Inspection {FactId} was withdrawn; it is not enriched.");
        if (fact.Sources?.Contains(SourceKey) == true) return [];
        if (fact.Fingerprint != Current.Fingerprint())
            throw Rejection.Conflict("The inspection changed meanwhile", $"Inspection {FactId} changed since it was read.");

        var errors = new Errors();
        var other = Other.Validate(recorded.Today, errors);
        errors.ThrowIfAny();
        var merged = InspectionMerge.Fill(Current, other, SourceLabel);
        return [new InspectionEnriched(FactId, merged.Details, SourceKey, SourceLabel, merged.Filled, recorded)];
    }
}
