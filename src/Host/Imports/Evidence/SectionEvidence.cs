using Tracker.Host.Imports.IroPage;

namespace Tracker.Host.Imports.Evidence;

/// <summary>Whose report a page section quotes: the one authority whose reports hold its sentences, and which.</summary>
public sealed record SectionMatch(string AuthorityId, string ReportSha256, IReadOnlyList<string> Sentences);

public static class SectionEvidence
{
    /// <summary>
    /// The authority whose imported reports hold the section's quoted sentences, when exactly one does; null when none
    /// does or several do. Only whole sentences of eight words or more count: a figure alone is in many reports.
    /// </summary>
    public static SectionMatch? Match(PageSection section, IReadOnlyList<ReportEvidence> reports)
    {
        var sentences = section.Findings.SelectMany(f => EvidenceText.Sentences(f.Quote)).Distinct(StringComparer.Ordinal).ToList();
        if (sentences.Count == 0) return null;
        var found = reports
            .Select(r => (Report: r, Sentences: sentences.Where(s => r.Text.Contains(s, StringComparison.Ordinal)).ToList()))
            .Where(x => x.Sentences.Count > 0)
            .ToList();
        var authorities = found.Select(x => x.Report.AuthorityId).Distinct(StringComparer.Ordinal).ToList();
        if (authorities.Count != 1) return null;
        var best = found.OrderByDescending(x => x.Sentences.Count).First();
        return new SectionMatch(authorities[0], best.Report.Id, best.Sentences);
    }
}
