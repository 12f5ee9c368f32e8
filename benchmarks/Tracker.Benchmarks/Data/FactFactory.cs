using Tracker.Domain.Authorities;
using Tracker.Domain.Common;
using Tracker.Domain.Corrections;
using Tracker.Domain.Findings;
using Tracker.Domain.Inspections;
using Tracker.Domain.Jtais;
using Tracker.Domain.Metrics;
using Tracker.Domain.Visits;

namespace Tracker.Benchmarks.Data;

/// <summary>A command and the real decider that turns it into events.</summary>
public delegate IReadOnlyList<object> Decider(Authority state, object command, Recorded recorded);

/// <summary>
/// Random but realistic commands for one stream. The mix follows what a national feed carries: mostly metrics and
/// findings, then inspections and visits, with a few corrections and withdrawals.
/// </summary>
public sealed class FactFactory(Random rng, string authority, int index)
{
    private const string By = "bench:synthetic";

    public (object Command, Decider Decide) Next(Authority state, int k)
    {
        var roll = rng.Next(100);
        var facts = state.Facts.Where(f => !f.Value.Withdrawn).ToList();
        if (roll < 3 && facts.Count > 0)
            return Wrap(new CorrectFact(authority, new CorrectionInput(facts[rng.Next(facts.Count)].Key, CorrectionAction.Withdraw, "Recorded against the wrong provider."), By),
                (s, c, r) => ((CorrectFact)c).Decide(s, r));
        if (roll < 6 && facts.FirstOrDefault(f => f.Value.Kind == FactKinds.Metric) is { Key: not null } metric)
            return Wrap(new CorrectFact(authority, new CorrectionInput(metric.Key, CorrectionAction.Correct, "The report's table gives a different figure.",
                Metric: new MetricInput(null, Percent(), null, null, "percent", null, null, null)), By), (s, c, r) => ((CorrectFact)c)
                    .Decide(s, r));
        if (roll < 40) return Wrap(Metric(k), (s, c, r) => ((RecordMetric)c).Decide(s, r));
        if (roll < 65) return Wrap(Finding(k), (s, c, r) => ((RecordFinding)c).Decide(s, r));
        if (roll < 78) return Wrap(Inspection(k), (s, c, r) => ((RecordInspection)c).Decide(s, r));
        if (roll < 91) return Wrap(new RecordMonitoringVisit(authority, Visit(k, null), By), (s, c, r) => ((RecordMonitoringVisit)c)
            .Decide(s, r));
        if (roll < 97) return Wrap(new RecordFocusedVisit(authority, Visit(k, TextBank.Topics[rng.Next(TextBank.Topics.Length)]), By), (s, c, r) => ((RecordFocusedVisit)c)
            .Decide(s, r));
        var (start, end, published) = Dates();
        return Wrap(new RecordJtai(authority, new JtaiInput(TextBank.Themes[rng.Next(TextBank.Themes.Length)], ["ofsted", "cqc", "hmicfrs"], start, end, published, Reference(k)), By),
            (s, c, r) => ((RecordJtai)c).Decide(s, r));
    }

    public RecordMetric Metric(long k)
    {
        var name = MetricNames.Known[rng.Next(MetricNames.Known.Length)];
        var year = 2013 + rng.Next(12);
        var caseload = name == MetricNames.Caseload;
        var value = caseload ? 50 + rng.Next(70) : Percent();
        var input = new MetricInput(name, value, null, null, caseload ? "children_per_iro" : "percent",
            new PeriodInput(PeriodKind.FinancialYear, $"{year}-{(year + 1) % 100:00}"), Reference(k),
            TextBank.Sentence(rng, 80 + rng.Next(160)));
        return new RecordMetric(authority, input, By);
    }

    public RecordFinding Finding(long k) =>
        new(authority, new FindingInput(TextBank.Services[rng.Next(TextBank.Services.Length)], TextBank.Sentence(rng, 150 + rng.Next(450)), Reference(k)), By);

    public RecordInspection Inspection(long k)
    {
        var (start, end, published) = Dates();
        var framework = Frameworks.InForceOn(published);
        var grades = JudgementAreas.For(framework).ToDictionary(a => a, a => (Grade?)(Grade)rng.Next(4));
        return new RecordInspection(authority, new InspectionInput(framework, InspectionKind.Standard, start, end, published, Reference(k), grades), By);
    }

    private VisitInput Visit(long k, string? topic)
    {
        var (start, _, published) = Dates();
        return new VisitInput(start, start.AddDays(1), published, Reference(k), topic);
    }

    private (DateOnly Start, DateOnly End, DateOnly Published) Dates()
    {
        var published = new DateOnly(2014, 1, 1).AddDays(rng.Next(365 * 12));
        var end = published.AddDays(-30 - rng.Next(30));
        return (end.AddDays(-11), end, published);
    }

    private decimal Percent() => Math.Round(40m + (decimal)rng.NextDouble() * 60m, 1);

    private string Reference(long k) => $"https://files.ofsted.gov.uk/v1/file/{index}-{k}";

    private static (object, Decider) Wrap(object command, Decider decide) => (command, decide);
}
