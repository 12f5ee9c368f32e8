using System.Globalization;
using Tracker.Domain.Common;
using Tracker.Domain.Inspections;

namespace Tracker.Host.Imports.History;

/// <summary>A row of the official history turned into the command a client would send, or the reasons it cannot be.</summary>
public sealed record MappedRow(int Line, string Urn, InspectionInput? Inspection, IReadOnlyList<ImportRejection> Problems);

public static class HistoryRow
{
    public static MappedRow Map(int line, IReadOnlyDictionary<string, string> values)
    {
        var problems = new List<ImportRejection>();
        void Reject(string column, string reason) => problems.Add(new ImportRejection(line, column, reason));
        string Cell(string column) => values.TryGetValue(column, out var v) ? v.Trim() : "";

        var urn = Cell("urn");
        if (urn.Length == 0) Reject("urn", "is blank; the authority cannot be identified.");
        var link = Cell("inspection_link");
        if (link.Length == 0) Reject("inspection_link", "is blank; it is the report reference.");

        var published = ParseDate(Cell("publication_date"), "dd/MM/yy");
        if (published is null) Reject("publication_date", $"'{Cell("publication_date")}' is not a dd/mm/yy date.");
        var start = ParseOptional("inspection_start_date", Cell("inspection_start_date"), Reject);
        var end = ParseOptional("inspection_end_date", Cell("inspection_end_date"), Reject);
        if ((start is null) != (end is null) && problems.Count == 0)
            Reject(start is null ? "inspection_start_date" : "inspection_end_date", "is blank while the other fieldwork date is given.");

        InspectionKind? kind = Cell("inspection_framework").ToLowerInvariant() switch
        {
            "" => InspectionKind.Unknown,
            "short" => InspectionKind.Short,
            "standard" => InspectionKind.Standard,
            _ => null,
        };
        if (kind is null) Reject("inspection_framework", $"'{Cell("inspection_framework")}' is not short, standard or blank.");

        var cells = new Dictionary<string, GradeCell>();
        foreach (var column in HistoryGrades.Columns)
        {
            if (HistoryGrades.Read(column, Cell(column)) is { } cell) cells[column] = cell;
            else Reject(column, $"'{Cell(column)}' is not a grade or a known sentinel; grades are never guessed.");
        }

        if (problems.Count > 0 || published is not { } publishedOn) return new MappedRow(line, urn, null, problems);

        var framework = FrameworkFor(publishedOn, start, cells, out var contradiction);
        if (contradiction is { } c) return new MappedRow(line, urn, null, [new ImportRejection(line, c.Column, c.Reason)]);
        if (publishedOn < FrameworkVersion.Sif2013.FirstPublication())
            return new MappedRow(line, urn, null, [new ImportRejection(line, "publication_date",
                $"published {publishedOn:yyyy-MM-dd}, before sif-2013 began ({FrameworkVersion.Sif2013.FirstPublication():yyyy-MM-dd}); Tracker knows no earlier framework.")]);

        var input = new InspectionInput(framework, kind, start, end, publishedOn, link, HistoryGrades.ToAreas(framework, cells),
            start is null ? DatePrecision.Published : DatePrecision.Day);
        return new MappedRow(line, urn, input, []);
    }

    /// <summary>
    /// The framework in force on the publication date, unless the row's sentinels contradict it and its fieldwork began
    /// before that framework did: a report published just after a boundary was made under the earlier framework.
    /// </summary>
    public static FrameworkVersion FrameworkFor(DateOnly published, DateOnly? start, IReadOnlyDictionary<string, GradeCell> cells,
        out (string Column, string Reason)? contradiction)
    {
        var byPublication = Frameworks.InForceOn(published);
        contradiction = HistoryGrades.Contradiction(byPublication, cells);
        if (contradiction is null) return byPublication;

        if (byPublication > FrameworkVersion.Ilacs2018 && start is { } s && s < byPublication.FirstPublication())
        {
            var earlier = byPublication - 1;
            if (HistoryGrades.Contradiction(earlier, cells) is null)
            {
                contradiction = null;
                return earlier;
            }
        }
        var (column, reason) = contradiction.Value;
        contradiction = (column, $"{reason} The publication date {published:yyyy-MM-dd} puts the report under {byPublication.ToWire()}.");
        return byPublication;
    }

    private static DateOnly? ParseOptional(string column, string text, Action<string, string> reject)
    {
        if (text.Length == 0) return null;
        var date = ParseDate(text, "dd/MM/yyyy");
        if (date is null) reject(column, $"'{text}' is not a dd/mm/yyyy date.");
        return date;
    }

    private static DateOnly? ParseDate(string text, string format)
    {
        if (!DateOnly.TryParseExact(text, format, CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)) return null;
        // Two-digit years are all this century: the history starts in 2012.
        return format.EndsWith("/yy", StringComparison.Ordinal) && date.Year < 2000 ? date.AddYears(100) : date;
    }
}
