using Tracker.Domain.Authorities;
using Tracker.Domain.Common;
using Tracker.Domain.Corrections;
using Tracker.Domain.DataQuality;

namespace Tracker.Domain.Inspections;

/// <summary>The wire shape of a graded inspection, as a client sends it. Everything is checked before it becomes an event.</summary>
public sealed record InspectionInput(
    FrameworkVersion? Framework,
    InspectionKind? Kind,
    DateOnly? StartDate,
    DateOnly? EndDate,
    DateOnly? PublishedOn,
    string? ReportReference,
    Dictionary<string, Grade?>? Grades,
    DatePrecision? Precision = null,
    List<DataQualityNote>? Notes = null,
    Grade? Lscb = null)
{
    public InspectionDetails Validate(DateOnly today, Errors errors)
    {
        var framework = errors.Required("framework", Framework);
        var reference = errors.RequiredText("reportReference", ReportReference, 500);
        var dates = ReportDates.Validate(errors, StartDate, EndDate, PublishedOn, Precision, today);
        if (framework is { } f && dates.PublishedOn is { } published && published < f.FirstPublication())
            errors.Add("publishedOn", $"{f.ToWire()} reports were first published on {f.FirstPublication():yyyy-MM-dd}.");

        var grades = new Dictionary<string, Grade>(StringComparer.Ordinal);
        if (Grades is null) errors.Add("grades", "is required: one grade per judgement area of the framework.");
        else if (framework is { } fw)
        {
            var areas = JudgementAreas.For(fw);
            foreach (var (area, grade) in Grades)
            {
                if (!areas.Contains(area))
                    errors.Add($"grades.{area}", $"is not a judgement area of {fw.ToWire()}; its areas are {string.Join(", ", areas)}.");
                else if (grade is null)
                    errors.Add($"grades.{area}", "must not be null; use not_applicable, not_reported or unknown.");
                else if (fw == FrameworkVersion.Ilacs2026 && area == JudgementAreas.Overall && grade != Grade.NotReported)
                    errors.Add($"grades.{area}", "must be not_reported: the overall grade was abolished in April 2026.");
                else grades[area] = grade.Value;
            }
            foreach (var missing in areas.Where(a => !Grades.ContainsKey(a)))
                errors.Add($"grades.{missing}", "is required; use unknown if the report's grade is not known.");
        }

        var notes = ValidateNotes(errors, Notes);
        if (Lscb is not null && framework != FrameworkVersion.Sif2013)
            errors.Add("lscb", "only sif-2013 reports reviewed the Local Safeguarding Children Board.");
        return new InspectionDetails(framework ?? default, Kind ?? InspectionKind.Unknown, dates, reference ?? "", grades,
            notes.Count > 0 ? notes : null, Lscb);
    }

    private static List<DataQualityNote> ValidateNotes(Errors errors, List<DataQualityNote>? notes)
    {
        var valid = new List<DataQualityNote>();
        foreach (var (note, i) in (notes ?? []).Select((n, i) => (n, i)))
        {
            if (note is null) { errors.Add($"notes[{i}]", "must not be null."); continue; }
            errors.RequiredText($"notes[{i}].column", note.Column, 100);
            errors.Text($"notes[{i}].rawValue", note.RawValue, 2000);
            errors.Text($"notes[{i}].detail", note.Detail, 2000);
            if (!DataQualityReasons.All.Contains(note.Reason))
                errors.Add($"notes[{i}].reason", $"must be one of {string.Join(", ", DataQualityReasons.All)}.");
            valid.Add(note with { RawValue = note.RawValue ?? "" });
        }
        return valid;
    }
}

/// <summary>Record a graded inspection for an authority (any of its codes or its slug).</summary>
/// <remarks>
/// With a <see cref="RevisionReason"/> the sender is a source that may publish newer versions of its reports (an
/// import), and <see cref="Current"/> is the fact's content as the importer read it:
/// - content that differs from what that source said last becomes a correction with that reason, keeping what other
///   sources filled where the new version does not know; the same content it said last appends nothing, even where a
///   user has corrected the fact since;
/// - a report another source recorded first is enriched instead (<see cref="InspectionMerge"/>), once per version.
/// </remarks>
public sealed record RecordInspection(string Authority, InspectionInput Inspection, string RecordedBy, long? ExpectedVersion = null,
    string? RevisionReason = null, InspectionDetails? Current = null) : IAuthorityCommand
{
    public string FactId => FactIds.ForReport(Inspection.ReportReference ?? "");

    public IReadOnlyList<object> Decide(Authority state, Recorded recorded)
    {
        var errors = new Errors();
        var details = Inspection.Validate(recorded.Today, errors);
        errors.ThrowIfAny();
        FactLedger.EnsureExisted(state, details.Dates.PublishedOn, "publishedOn");

        var factId = FactIds.ForReport(details.ReportReference);
        // A source's newer version of a report a user withdrew does not bring it back: only a reinstatement does.
        if (RevisionReason is not null && FactLedger.IsWithdrawn(state, factId)) return [];
        if (RevisionReason is { } reason && state.Facts.TryGetValue(factId, out var known)
            && known is { Withdrawn: false, Kind: FactKinds.Inspection })
            return Revise(factId, known, details, reason, recorded);
        return FactLedger.Decide(state, factId, FactKinds.Inspection, details.Fingerprint(), $"Report {details.ReportReference}",
            () => new InspectionRecorded(factId, details, recorded));
    }

    private IReadOnlyList<object> Revise(string factId, FactState known, InspectionDetails said,
        string reason, Recorded recorded)
    {
        var current = Current is { } c && c.Fingerprint() == known.Fingerprint ? c : null;
        if (known.Origin is { } origin && origin != RecordedBy)
        {
            var key = $"{RecordedBy}:{said.Fingerprint()}";
            if (known.Sources?.Contains(key) == true) return [];
            if (current is null) throw Rejection.Conflict("The inspection changed meanwhile", $"Read {factId} again to enrich it.");
            var merged = InspectionMerge.Fill(current, said, RecordedBy);
            return [new InspectionEnriched(factId, merged.Details, key, RecordedBy, merged.Filled, recorded)];
        }
        if ((known.SourceFingerprint ?? known.Fingerprint) == said.Fingerprint()) return [];
        // Where the new version does not know, what other sources filled stays; where it knows, it wins (a conflict
        // with another source's value is noted).
        var revised = known.Sources is { Count: > 0 } && current is not null ? InspectionMerge.Fill(said, current, "an earlier source").Details : said;
        return [new InspectionCorrected(factId, reason, revised, recorded, SourceRevision: true)];
    }
}
