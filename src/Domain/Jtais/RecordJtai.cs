using Tracker.Domain.Authorities;
using Tracker.Domain.Common;

namespace Tracker.Domain.Jtais;

/// <summary>The wire shape of a JTAI report.</summary>
public sealed record JtaiInput(string? Theme, List<string?>? Inspectorates, DateOnly? StartDate, DateOnly? EndDate, DateOnly? PublishedOn, string? ReportReference, DatePrecision? Precision = null);

/// <summary>Record a joint targeted area inspection.</summary>
public sealed record RecordJtai(string Authority, JtaiInput Jtai, string RecordedBy, long? ExpectedVersion = null) : IAuthorityCommand
{
    public static readonly string[] KnownInspectorates = ["ofsted", "cqc", "hmicfrs", "hmi_probation"];

    public string FactId => FactIds.ForReport(Jtai.ReportReference ?? "");

    public IReadOnlyList<object> Decide(Authority state, Recorded recorded)
    {
        var input = Jtai;
        var errors = new Errors();
        var theme = errors.RequiredText("theme", input.Theme, 300);
        var reference = errors.RequiredText("reportReference", input.ReportReference, 500);
        var dates = ReportDates.Validate(errors, input.StartDate, input.EndDate, input.PublishedOn, input.Precision, recorded.Today);
        var inspectorates = (input.Inspectorates ?? []).Select(i => i?.Trim().ToLowerInvariant()).ToList();
        if (inspectorates.Count < 2) errors.Add("inspectorates", "a joint inspection names at least two inspectorates.");
        foreach (var unknown in inspectorates.Where(i => i is null || !KnownInspectorates.Contains(i)))
            errors.Add("inspectorates", $"'{unknown}' is not one of {string.Join(", ", KnownInspectorates)}.");
        errors.ThrowIfAny();
        FactLedger.EnsureExisted(state, dates.EndDate, "endDate");

        var details = new JtaiDetails(theme!, inspectorates.Distinct().Order().ToArray()!, dates, reference!);
        var factId = FactIds.ForReport(details.ReportReference);
        return FactLedger.Decide(state, factId, FactKinds.Jtai, details.Fingerprint(), $"Report {details.ReportReference}",
            () => new JtaiRecorded(factId, details, recorded));
    }
}
