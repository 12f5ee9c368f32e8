using System.Text.RegularExpressions;
using Tracker.Domain.Authorities;
using Tracker.Domain.Common;

namespace Tracker.Domain.Findings;

/// <summary>The wire shape of a finding: the service it is about (e.g. iro_service), the quoted sentence and its source.</summary>
public sealed record FindingInput(string? Service, string? Quote, string? ReportReference, DatePrecision? Precision = null);

/// <summary>Record a quoted finding. The same quote about the same service from the same source is one finding.</summary>
public sealed partial record RecordFinding(string Authority, FindingInput Finding, string RecordedBy, long? ExpectedVersion = null) : IAuthorityCommand
{
    [GeneratedRegex("^[a-z][a-z0-9_]{1,63}$")]
    private static partial Regex ServicePattern();

    public string FactId => FactIds.ForFinding(Finding.Service?.Trim() ?? "", Finding.Quote ?? "", Finding.ReportReference ?? "");

    public IReadOnlyList<object> Decide(Authority state, Recorded recorded)
    {
        var input = Finding;
        var errors = new Errors();
        var service = errors.RequiredText("service", input.Service, 64);
        if (service is not null && !ServicePattern().IsMatch(service)) errors.Add("service", "must be snake_case, e.g. iro_service.");
        var quote = errors.RequiredText("quote", input.Quote, 8000);
        var reference = errors.RequiredText("reportReference", input.ReportReference, 500);
        errors.ThrowIfAny();

        var details = new FindingDetails(service!, quote!, reference!, input.Precision ?? DatePrecision.Day);
        var factId = FactIds.ForFinding(details.Service, details.Quote, details.ReportReference);
        return FactLedger.Decide(state, factId, FactKinds.Finding, details.Fingerprint(), $"This finding from {details.ReportReference}",
            () => new FindingRecorded(factId, details, recorded));
    }
}
