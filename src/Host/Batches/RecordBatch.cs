using System.Text.Json;
using Tracker.Domain.Common;
using Tracker.Domain.Corrections;
using Tracker.Domain.Findings;
using Tracker.Domain.Inspections;
using Tracker.Domain.Jtais;
using Tracker.Domain.Metrics;
using Tracker.Domain.Visits;

namespace Tracker.Host.Batches;

/// <summary>The wire form of one batched command: the same fact body the single-command endpoint of that type takes.</summary>
public sealed record BatchItem(string? Type, string? Authority, JsonElement? Fact);

public sealed record BatchRequest(List<BatchItem?>? Commands);

/// <summary>Command message: record every command of a batch in one transaction, or none of them.</summary>
public sealed record RecordBatch(IReadOnlyList<IAuthorityCommand> Commands);

public static class BatchCommands
{
    public const int MaxCommands = 500;

    public static readonly string[] Types = ["inspection", "monitoring-visit", "focused-visit", "jtai", "metric", "finding", "correction"];

    /// <summary>Every item is checked before anything is decided, so a batch with a malformed item is refused as a whole.</summary>
    public static RecordBatch Parse(BatchRequest? request, string caller, JsonSerializerOptions json)
    {
        var errors = new Errors();
        if (request?.Commands is not { Count: > 0 } items)
            throw Rejection.Invalid(new Dictionary<string, string[]> { ["commands"] = [$"must list between 1 and {MaxCommands} commands."] });
        if (items.Count > MaxCommands)
            throw Rejection.Invalid(new Dictionary<string, string[]> { ["commands"] = [$"must list at most {MaxCommands} commands; this batch has {items.Count}. Split it."] });

        var commands = new List<IAuthorityCommand>(items.Count);
        for (var i = 0; i < items.Count; i++)
        {
            var at = $"commands[{i}]";
            if (items[i] is not { } item) { errors.Add(at, "must be an object with type, authority and fact."); continue; }
            if (string.IsNullOrWhiteSpace(item.Authority)) errors.Add($"{at}.authority", "is required: a DfE code, GSS code, Ofsted URN or slug.");
            if (item.Fact is not { ValueKind: JsonValueKind.Object } fact) { errors.Add($"{at}.fact", "must be a JSON object."); continue; }
            if (string.IsNullOrWhiteSpace(item.Authority)) continue;
            try
            {
                if (Build(item.Type, item.Authority.Trim(), fact, caller, json) is { } command) commands.Add(command);
                else errors.Add($"{at}.type", $"must be one of {string.Join(", ", Types)}.");
            }
            catch (JsonException e)
            {
                errors.Add($"{at}.fact", $"is not a valid {item.Type} body: {e.Message}");
            }
        }
        errors.ThrowIfAny();
        return new RecordBatch(commands);
    }

    private static IAuthorityCommand? Build(string? type, string authority, JsonElement fact, string caller, JsonSerializerOptions json)
    {
        T Body<T>() => fact.Deserialize<T>(json) ?? throw new JsonException("the body is null.");
        return type?.Trim().ToLowerInvariant() switch
        {
            "inspection" => new RecordInspection(authority, Body<InspectionInput>(), caller),
            "monitoring-visit" => new RecordMonitoringVisit(authority, Body<VisitInput>(), caller),
            "focused-visit" => new RecordFocusedVisit(authority, Body<VisitInput>(), caller),
            "jtai" => new RecordJtai(authority, Body<JtaiInput>(), caller),
            "metric" => new RecordMetric(authority, Body<MetricInput>(), caller),
            "finding" => new RecordFinding(authority, Body<FindingInput>(), caller),
            "correction" => new CorrectFact(authority, Body<CorrectionInput>(), caller),
            _ => null,
        };
    }
}
