using System.Globalization;
using Tracker.Domain.Common;
using Tracker.Domain.DataQuality;
using Tracker.Domain.Inspections;

namespace Tracker.Host.Imports.History;

/// <summary>
/// A row of the official history turned into the command a client would send, with the notes on every cell that could
/// not be taken as it stood; or, when the report cannot be identified, the reasons it is refused.
/// </summary>
public sealed record MappedRow(int Line, string Urn, InspectionInput? Inspection, IReadOnlyList<ImportRejection> Problems)
{
    public IReadOnlyList<DataQualityNote> Notes => Inspection?.Notes ?? [];
}

public static class HistoryRow
{
    /// <summary>
    /// Only what identifies the report refuses it: the authority (urn), the report (inspection_link) and a real
    /// publication date. Every other odd cell is kept as unknown, with a note.
    /// </summary>
    public static MappedRow Map(int line, IReadOnlyDictionary<string, string> values, DateOnly? today = null)
    {
        var problems = new List<ImportRejection>();
        void Refuse(string column, string reason) => problems.Add(new ImportRejection(line, column, reason));
        string Cell(string column) => values.TryGetValue(column, out var v) ? v.Trim() : "";

        var urn = Cell("urn");
        if (urn.Length == 0) Refuse("urn", "is blank; the authority cannot be identified.");
        var link = Cell("inspection_link");
        if (link.Length == 0) Refuse("inspection_link", "is blank; it is the report reference, so the report cannot be identified.");
        var published = ParseDate(Cell("publication_date"), "dd/MM/yy");
        if (published is null) Refuse("publication_date", $"'{Cell("publication_date")}' is not a dd/mm/yy date.");
        else if (today is { } t && published > t) Refuse("publication_date", $"'{Cell("publication_date")}' is in the future.");
        if (problems.Count > 0 || published is not { } publishedOn) return new MappedRow(line, urn, null, problems);

        var notes = new List<DataQualityNote>();
        var (start, end) = FieldworkDates(Cell("inspection_start_date"), Cell("inspection_end_date"), publishedOn, notes);
        var rawKind = Cell(HistoryFramework.Column);
        var kind = Kind(rawKind, notes);
        var cells = HistoryGrades.Columns.ToDictionary(c => c, c => HistoryGrades.Read(c, Cell(c)));
        var framework = HistoryFramework.Decide(publishedOn, start, rawKind, cells, notes);
        var grades = HistoryGrades.ToAreas(framework, cells, notes);

        var input = new InspectionInput(framework, kind, start, end, publishedOn, link, grades,
            start is null ? DatePrecision.Published : DatePrecision.Day, notes.Count > 0 ? notes : null);
        return new MappedRow(line, urn, input, []);
    }

    private static InspectionKind Kind(string raw, List<DataQualityNote> notes)
    {
        switch (raw.ToLowerInvariant())
        {
            case "": return InspectionKind.Unknown;
            case "short": return InspectionKind.Short;
            case "standard": return InspectionKind.Standard;
            default:
                notes.Add(new DataQualityNote(HistoryFramework.Column, raw, DataQualityReasons.UnrecognisedValue,
                    "expected short, standard or blank; the inspection kind is unknown.", DataQualityNote.KindArea));
                return InspectionKind.Unknown;
        }
    }

    /// <summary>Both fieldwork dates, in order and not after publication, or neither: half a date range is not kept.</summary>
    private static (DateOnly? Start, DateOnly? End) FieldworkDates(string rawStart, string rawEnd, DateOnly published,
        List<DataQualityNote> notes)
    {
        if (rawStart.Length == 0 && rawEnd.Length == 0) return (null, null);
        var (start, end) = (ParseDate(rawStart, "dd/MM/yyyy"), ParseDate(rawEnd, "dd/MM/yyyy"));
        if (start is { } s && end is { } e && s <= e && e <= published) return (s, e);
        notes.Add(new DataQualityNote("inspection_start_date+inspection_end_date", $"{rawStart} | {rawEnd}",
            DataQualityReasons.IncompleteDates,
            "the fieldwork dates are blank, unreadable, out of order or after publication; only the publication date is kept.",
            DataQualityNote.DatesArea));
        return (null, null);
    }

    private static DateOnly? ParseDate(string text, string format)
    {
        if (!DateOnly.TryParseExact(text, format, CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)) return null;
        // Two-digit years are all this century: the history starts in 2012.
        return format.EndsWith("/yy", StringComparison.Ordinal) && date.Year < 2000 ? date.AddYears(100) : date;
    }
}
