using Marten;
using Tracker.Domain.Common;
using Tracker.Domain.Inspections;

namespace Tracker.Host.Imports.IroPage;

/// <summary>
/// The cross-check between the two sources: a section cannot cite a period that had not ended when the authority's
/// SIF report was published. Only dated SIF reports count (the official history), not the page's own undated grades.
/// </summary>
public static class SifPublications
{
    public static async Task<Dictionary<string, DateOnly>> LoadAsync(IQuerySession session, CancellationToken ct)
    {
        var events = await session.Events.QueryAllRawEvents().Where(e => e.EventTypeName == "inspection_recorded").ToListAsync(ct);
        return events.Where(e => e.Data is InspectionRecorded { Details: { Framework: FrameworkVersion.Sif2013, Dates.PublishedOn: not null } })
            .GroupBy(e => e.StreamKey!)
            .ToDictionary(g => g.Key, g => g.Max(e => ((InspectionRecorded)e.Data).Details.Dates.PublishedOn!.Value));
    }

    /// <summary>Why the section is suspect for an authority whose SIF report was published on <paramref name="published"/>, or null.</summary>
    public static string? Suspicion(PageSection section, DateOnly? published)
    {
        if (published is not { } date) return null;
        var late = section.Metrics.Select(m => m.ValidPeriod()).Where(p => p.To > date).OrderBy(p => p.To).FirstOrDefault();
        return late is null ? null
            : $"cites {late.Label} (to {late.To:yyyy-MM-dd}), after the authority's SIF report was published on {date:yyyy-MM-dd}; the section's own heading was probably lost.";
    }
}
