using System.Text.Json.Serialization;
using Tracker.Domain.Authorities;
using Tracker.Domain.Common;
using Tracker.Domain.Inspections;
using Tracker.Domain.Metrics;

namespace Tracker.Domain.Corrections;

public enum CorrectionAction
{
    [JsonStringEnumMemberName("correct")] Correct,
    [JsonStringEnumMemberName("withdraw")] Withdraw,
    [JsonStringEnumMemberName("reinstate")] Reinstate,
}

/// <summary>
/// The wire shape of a correction: withdraw any fact, or correct an inspection (send its full corrected content)
/// or a metric observation (send the corrected value and unit), or reinstate a withdrawn fact. Other facts are corrected
/// by withdrawing and re-recording them with the corrected content.
/// </summary>
public sealed record CorrectionInput(string? FactId, CorrectionAction? Action, string? Reason, InspectionInput? Inspection = null, MetricInput? Metric = null);

/// <summary>Correct, withdraw or reinstate an earlier fact.</summary>
public sealed record CorrectFact(string Authority, CorrectionInput Correction, string RecordedBy, long? ExpectedVersion = null) : IAuthorityCommand
{
    public string FactId => Correction.FactId?.Trim() ?? "";

    public IReadOnlyList<object> Decide(Authority state, Recorded recorded)
    {
        var input = Correction;
        var errors = new Errors();
        var factId = errors.RequiredText("factId", input.FactId, 64);
        var reason = errors.RequiredText("reason", input.Reason, 2000);
        errors.Required("action", input.Action);
        errors.ThrowIfAny();

        if (!state.Facts.TryGetValue(factId!, out var fact))
            throw new Rejection(RejectionKind.NotFound, "Unknown fact", $"{state.Name} has no fact {factId}.");
        if (input.Action == CorrectionAction.Reinstate)
        {
            if (input.Inspection is not null || input.Metric is not null)
                throw Rejection.Invalid(new Dictionary<string, string[]> { ["action"] = ["reinstate takes no replacement content."] });
            // Reinstating a fact that counts already appends nothing, so a retried reinstatement is harmless.
            return fact.Withdrawn ? [new FactReinstated(factId!, reason!, recorded)] : [];
        }
        if (fact.Withdrawn)
            throw Rejection.Conflict("Fact already withdrawn",
                $"Fact {factId} was withdrawn; reinstate it first (action \"reinstate\" with a reason).");

        if (input.Action == CorrectionAction.Withdraw)
        {
            if (input.Inspection is not null || input.Metric is not null)
                throw Rejection.Invalid(new Dictionary<string, string[]> { ["action"] = ["withdraw takes no replacement content."] });
            return [new FactWithdrawn(factId!, reason!, recorded)];
        }

        return fact.Kind switch
        {
            FactKinds.Inspection => CorrectInspection(state, factId!, reason!, input.Inspection, recorded),
            FactKinds.Metric => CorrectMetric(factId!, fact, reason!, input.Metric, recorded),
            _ => throw Rejection.Unprocessable("This fact cannot be corrected in place",
                $"A {fact.Kind} is corrected by withdrawing it (action \"withdraw\") and recording it again."),
        };
    }

    private static IReadOnlyList<object> CorrectInspection(Authority state, string factId, string reason, InspectionInput? replacement, Recorded recorded)
    {
        var errors = new Errors();
        if (replacement is null) errors.Add("inspection", "is required: the full corrected inspection.");
        var details = replacement?.Validate(recorded.Today, errors);
        errors.ThrowIfAny();
        if (FactIds.ForReport(details!.ReportReference) != factId)
            throw Rejection.Invalid(new Dictionary<string, string[]> { ["inspection.reportReference"] = ["must stay the same; withdraw the fact to change its report."] });
        FactLedger.EnsureExisted(state, details.Dates.PublishedOn, "publishedOn");
        return state.Facts[factId].Fingerprint == details.Fingerprint() ? [] : [new InspectionCorrected(factId, reason, details, recorded)];
    }

    private static IReadOnlyList<object> CorrectMetric(string factId, FactState fact, string reason, MetricInput? replacement, Recorded recorded)
    {
        var errors = new Errors();
        if (replacement is null) errors.Add("metric", "is required: the corrected value and unit.");
        var value = replacement?.ValidateValue(errors);
        errors.ThrowIfAny();
        // Keyed on the fact and the corrected value only, so sending the same correction twice appends nothing.
        var fingerprint = FactIds.Fingerprint(factId, value!.Value, value.Low, value.High, value.Unit);
        return fact.Fingerprint == fingerprint ? [] : [new MetricCorrected(factId, reason, value, fingerprint, recorded)];
    }
}
