using System.Text;
using Marten;
using Tracker.Domain.Authorities;
using Tracker.Domain.Common;
using Tracker.Domain.Inspections;
using Tracker.Host.Common;
using Tracker.Host.Imports.History;

namespace Tracker.Benchmarks.Data;

/// <summary>
/// The event rows the import of a history CSV appends (same mapping, same decide function, same serializer, so the same
/// JSON sizes), written as a PostgreSQL COPY text file for the baseline. Built once, before anything is timed.
/// </summary>
public static class ImportedEventRows
{
    public static async Task<long> WriteCopyFileAsync(DocumentStore store, string csvPath, string copyPath, CancellationToken ct)
    {
        var serializer = store.Options.Serializer();
        var type = store.Events.EventMappingFor(typeof(InspectionRecorded)).EventTypeName;
        var recorded = new Recorded(HistoryImporter.RecordedBy, SyntheticDataset.RecordedAt);
        using var csv = new StreamReader(csvPath);
        await using var copy = new StreamWriter(copyPath, false, new UTF8Encoding(false), 1 << 16);
        Authority? state = null;
        long rows = 0;
        foreach (var (line, values) in Csv.ReadWithHeader(csv))
        {
            var row = HistoryRow.Map(line, values);
            var streamId = SyntheticDataset.StreamId(int.Parse(row.Urn) - 200000);
            if (state?.Id != streamId) state = new Authority { Id = streamId, Name = streamId, Version = 1 };
            foreach (var e in new RecordInspection(streamId, row.Inspection!, HistoryImporter.RecordedBy)
                .Decide(state, recorded))
            {
                state.Apply((InspectionRecorded)e);
                state.Version++;
                await copy.WriteAsync($"{Guid.CreateVersion7()}\t{streamId}\t{state.Version}\t{Escape(serializer.ToJson(e))}\t{type}\n");
                rows++;
            }
        }
        return rows;
    }

    /// <summary>COPY text format: backslash, tab and line breaks inside a value are escaped.</summary>
    private static string Escape(string value) =>
        value.Replace("\\", "\\\\").Replace("\t", "\\t").Replace("\n", "\\n").Replace("\r", "\\r");
}
