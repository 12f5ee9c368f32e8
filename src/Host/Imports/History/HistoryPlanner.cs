using Marten;
using Tracker.Domain.Common;
using Tracker.Domain.Inspections;
using Tracker.Projections.CurrentGrades;

using Tracker.Host.Writes;

namespace Tracker.Host.Imports.History;

/// <summary>
/// Turns a chunk's rows into commands. A row whose report is already recorded carries the content it would change
/// (a revision keeps what other sources filled); a row about a report another source recorded under another reference
/// (a report file imported first: same authority, same publication date) enriches that fact instead of adding a second.
/// </summary>
public static class HistoryPlanner
{
    /// <summary>The chunk's standings are read in one query; a race with another writer is caught by the deciders.</summary>
    public static async Task<Dictionary<string, List<WriteCommand>>> PlanChunkAsync(IDocumentStore store,
        IReadOnlyDictionary<string, List<MappedRow>> rows, CancellationToken ct)
    {
        await using var session = store.QuerySession();
        var standings = (await session.LoadManyAsync<AuthorityStanding>(ct, rows.Keys.ToArray())).ToDictionary(s => s.Id);
        return rows.ToDictionary(r => r.Key, r => r.Value.Select(row => Plan(r.Key, row, standings.GetValueOrDefault(r.Key))).ToList(),
            StringComparer.Ordinal);
    }

    public static WriteCommand Plan(string authorityId, MappedRow row, AuthorityStanding? standing)
    {
        var input = row.Inspection!;
        var factId = FactIds.ForReport(input.ReportReference ?? "");
        var inspections = standing?.Inspections ?? [];
        if (inspections.FirstOrDefault(i => i.FactId == factId) is { } same)
            return new WriteCommand(Record(authorityId, row, same.ToDetails()), row.Line);
        if (inspections.FirstOrDefault(i => i.PublishedOn == input.PublishedOn && input.PublishedOn is not null) is { } other)
        {
            var said = input.Validate(DateOnly.MaxValue, new Errors());
            return new WriteCommand(new EnrichInspection(authorityId, other.FactId, other.ToDetails(), input,
                $"{HistoryImporter.RecordedBy}:{said.Fingerprint()}", $"the official history (line {row.Line})"), row.Line);
        }
        return new WriteCommand(Record(authorityId, row, null), row.Line);
    }

    private static RecordInspection Record(string authorityId, MappedRow row, InspectionDetails? current) =>
        new(authorityId, row.Inspection!, HistoryImporter.RecordedBy,
            RevisionReason: $"The official history's newer version changed this report (line {row.Line}).", Current: current);
}
