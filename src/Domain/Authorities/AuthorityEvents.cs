using Tracker.Domain.Corrections;
using Tracker.Domain.Findings;
using Tracker.Domain.Inspections;
using Tracker.Domain.Jtais;
using Tracker.Domain.Metrics;
using Tracker.Domain.Visits;

namespace Tracker.Domain.Authorities;

/// <summary>
/// One kind of event an authority's stream holds, and every use of it that other code derives from this table.
/// </summary>
/// <param name="Meaning">The one-line meaning (the README's event catalogue says the same).</param>
/// <param name="Evolve">How a decider's working copy of the write model takes it; null for register events.</param>
/// <param name="Standing">Whether it can change the authority's standing (the inline projection includes it).</param>
/// <param name="Picture">Whether it can move the authority in the national and regional pictures.</param>
/// <param name="Integration">The CloudEvents type it is published as, if it is published.</param>
/// <param name="GradeChange">Whether it can also be published as a grade change (it carries an inspection's grades).</param>
public sealed record AuthorityEvent(Type Type, string Meaning, Action<Authority, object>? Evolve, bool Standing, bool Picture,
    string? Integration, bool GradeChange = false);

/// <summary>
/// The single table of the events an authority stream holds. A new fact is one entry here (plus its handling in the
/// folds): the event catalogue, the write model's evolution, the standing's event filter, the pictures' filter and the
/// integration types are all derived from it, and tests fail when a fold misses an entry.
/// </summary>
public static class AuthorityEvents
{
    public static readonly IReadOnlyList<AuthorityEvent> All =
    [
        Register<AuthorityRegistered>("an authority entered the register with its codes, region and statistical neighbours"),
        Register<AuthorityFormedFrom>("the authority came into being on a date, taking over from its predecessors"),
        Register<AuthorityAbolished>("the authority ceased on a date, its children's services passing to its successors"),
        Fact<InspectionRecorded>("a full, graded inspection report was published", (a, e) => a.Apply(e), standing: true,
            picture: true, "tracker.inspection.recorded", gradeChange: true),
        Fact<MonitoringVisitRecorded>("an ungraded monitoring-visit letter was published", (a, e) => a.Apply(e), standing: true,
            picture: false, "tracker.monitoring-visit.recorded"),
        Fact<FocusedVisitRecorded>("an ungraded focused-visit letter on one topic was published", (a, e) => a.Apply(e),
            standing: true, picture: false, "tracker.focused-visit.recorded"),
        Fact<JtaiRecorded>("a joint targeted area inspection (themed, ungraded) was published", (a, e) => a.Apply(e),
            standing: true, picture: false, "tracker.jtai.recorded"),
        Fact<MetricObserved>("a source reported a value of a service metric for a period", (a, e) => a.Apply(e),
            standing: false, picture: false, null),
        Fact<FindingRecorded>("a report made a finding about one of the authority's services, quoted as written",
            (a, e) => a.Apply(e), standing: false, picture: false, null),
        Fact<InspectionCorrected>("an earlier inspection was wrong; this is its full corrected content", (a, e) => a.Apply(e),
            standing: true, picture: true, "tracker.inspection.corrected", gradeChange: true),
        Fact<InspectionEnriched>("another source about a recorded inspection filled what was unknown", (a, e) => a.Apply(e),
            standing: true, picture: true, "tracker.inspection.enriched", gradeChange: true),
        Fact<MetricCorrected>("an earlier metric observation carried the wrong value", (a, e) => a.Apply(e),
            standing: false, picture: false, "tracker.metric.corrected"),
        Fact<FactWithdrawn>("an earlier fact should never have been recorded and no longer counts", (a, e) => a.Apply(e),
            standing: true, picture: true, "tracker.fact.withdrawn"),
        Fact<FactReinstated>("a withdrawn fact counts again", (a, e) => a.Apply(e), standing: true, picture: true,
            "tracker.fact.reinstated"),
    ];

    private static readonly Dictionary<Type, AuthorityEvent> ByType = All.ToDictionary(e => e.Type);

    public static AuthorityEvent? Of(Type type) => ByType.GetValueOrDefault(type);

    public static IEnumerable<Type> Types(Func<AuthorityEvent, bool> where) => All.Where(where).Select(e => e.Type);

    private static AuthorityEvent Register<T>(string meaning) => new(typeof(T), meaning, null, Standing: true, Picture: true, null);

    private static AuthorityEvent Fact<T>(string meaning, Action<Authority, T> evolve, bool standing, bool picture, string? integration,
        bool gradeChange = false) =>
        new(typeof(T), meaning, (a, e) => evolve(a, (T)e), standing, picture, integration, gradeChange);
}
