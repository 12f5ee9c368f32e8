using Tracker.Domain.Common;
using Tracker.Domain.DataQuality;

namespace Tracker.Host.Imports.History;

/// <summary>
/// Which framework a row of the official history was inspected under. The history names none, so the dates decide,
/// and a row's cells never override them: the cells come from a scraper that misreads (see docs/read-models.md).
/// </summary>
public static class HistoryFramework
{
    public const string Column = "inspection_framework";

    /// <summary>
    /// A framework governs the inspections begun under it, so the fieldwork start date decides when the row gives one
    /// (a report inspected in November 2022 and published in January 2023 is ILACS 2018). Without one the publication
    /// date decides, with two exceptions noted on the fact: before SIF the date cannot tell which earlier framework
    /// applied, and in 2018 SIF re-inspections and the first ILACS reports were published side by side.
    /// </summary>
    public static FrameworkVersion Decide(DateOnly published, DateOnly? start, string rawKind,
        IReadOnlyDictionary<string, GradeCell> cells, List<DataQualityNote> notes)
    {
        var framework = Frameworks.InForceOn(start ?? published);
        if (framework == FrameworkVersion.PreSif)
        {
            notes.Add(new DataQualityNote(Column, rawKind, DataQualityReasons.FrameworkNotStated,
                $"published {published:yyyy-MM-dd}, before SIF; the source does not say which earlier framework applied, " +
                "so only the overall area is kept, unknown until a report says more.", DataQualityNote.FrameworkArea));
            return framework;
        }
        // The scraper reads the grades on every ILACS page 1 and on no SIF one: a 2018 row with nothing readable
        // carries its SIF signature (the reports of Norfolk, Rotherham and Sunderland published in 2018 confirm it).
        if (start is null && framework == FrameworkVersion.Ilacs2018 && published.Year == 2018 && cells.Values.All(c => c.IsEmpty))
        {
            notes.Add(new DataQualityNote(Column, rawKind, DataQualityReasons.FrameworkInferred,
                "published in 2018, when SIF re-inspections and ILACS reports were both published, with no fieldwork " +
                "dates and no readable grade (the source's mark of a SIF report): taken as sif-2013.", DataQualityNote.FrameworkArea));
            return FrameworkVersion.Sif2013;
        }
        return framework;
    }
}
