using Tracker.Domain.Common;
using Tracker.Domain.DataQuality;

namespace Tracker.Domain.Inspections;

/// <summary>
/// Fills an inspection's unknowns from another source about the same report. Only what is unknown is filled: a
/// framework the source could not name, an unknown kind, fieldwork dates, unknown grades. A known value the other
/// source contradicts stays, and a conflict note records both, for a user to settle with a correction.
/// </summary>
public static class InspectionMerge
{
    public sealed record Result(InspectionDetails Details, IReadOnlyList<string> Filled);

    public static Result Fill(InspectionDetails current, InspectionDetails other, string label)
    {
        var filled = new List<string>();
        var notes = (current.Notes ?? []).ToList();
        void Conflict(string area, string now, string said) => Add(notes, new DataQualityNote(area, $"{now} | {label}: {said}",
            DataQualityReasons.Conflict, $"{label} says {said} where Tracker has {now}; nothing changed until a user corrects it.", area));

        var framework = current.Framework;
        var open = notes.Any(n => n.Area == DataQualityNote.FrameworkArea);
        if (other.Framework != framework && (framework == FrameworkVersion.PreSif || open))
        {
            framework = other.Framework;
            filled.Add(DataQualityNote.FrameworkArea);
        }
        else if (other.Framework != framework) Conflict(DataQualityNote.FrameworkArea, framework.ToWire(), other.Framework.ToWire());
        else if (open) filled.Add(DataQualityNote.FrameworkArea); // the other source confirms the inferred framework

        var kind = current.Kind;
        if (kind == InspectionKind.Unknown && other.Kind != InspectionKind.Unknown) { kind = other.Kind; filled.Add(DataQualityNote.KindArea); }
        else if (other.Kind != InspectionKind.Unknown && other.Kind != kind) Conflict(DataQualityNote.KindArea, Wire(kind), Wire(other.Kind));

        // Fieldwork dates fill; a publication date the other source prints differently stays, with a note.
        var dates = current.Dates;
        if (dates.Precision != DatePrecision.Day && other.Dates.Precision == DatePrecision.Day
            && (dates.PublishedOn is null || other.Dates.EndDate <= dates.PublishedOn))
        {
            dates = other.Dates with { PublishedOn = dates.PublishedOn ?? other.Dates.PublishedOn };
            filled.Add(DataQualityNote.DatesArea);
        }
        if (dates.PublishedOn is { } kept && other.Dates.PublishedOn is { } printed && kept != printed)
            Conflict("published_on", kept.ToString("yyyy-MM-dd"), printed.ToString("yyyy-MM-dd"));

        var grades = new Dictionary<string, Grade>(StringComparer.Ordinal);
        foreach (var area in JudgementAreas.For(framework))
        {
            var now = current.Grades.GetValueOrDefault(area, Grade.Unknown);
            var said = other.Grades.GetValueOrDefault(area, Grade.Unknown);
            grades[area] = now;
            // "Not reported" by a source that reports only some areas (the IRO page) says nothing about the area.
            if (said is Grade.Unknown or Grade.NotReported) continue;
            if (now == Grade.Unknown) { grades[area] = said; filled.Add(area); }
            else if (now != said) Conflict(area, now.ToWire(), said.ToWire());
        }
        var lscb = current.Lscb;
        if (lscb is null or Grade.Unknown && other.Lscb is { } l && l != Grade.Unknown) { lscb = l; filled.Add("lscb"); }

        notes.RemoveAll(n => n.Reason != DataQualityReasons.Conflict && n.Area is { } a && filled.Contains(a));
        // What the other source could not read stays visible on the fact it enriched.
        foreach (var unread in (other.Notes ?? []).Where(n => n.Reason == DataQualityReasons.NotReadable)) Add(notes, unread);
        var details = current with
        {
            Framework = framework, Kind = kind, Dates = dates, Grades = grades, Lscb = lscb, Notes = notes.Count > 0 ? notes : null,
        };
        return new Result(details, filled);
    }

    private static string Wire(InspectionKind kind) => kind switch
    {
        InspectionKind.Standard => "standard",
        InspectionKind.Short => "short",
        InspectionKind.ReInspection => "re_inspection",
        _ => "unknown",
    };

    private static void Add(List<DataQualityNote> notes, DataQualityNote note)
    {
        if (notes.All(n => n.Key != note.Key)) notes.Add(note);
    }
}
