using System.Globalization;
using Tracker.Domain.Authorities;
using Tracker.Domain.Common;

namespace Tracker.Host.Authorities.Registration;

/// <summary>
/// Reads the English upper-tier reorganisations out of the mySociety lineage file. A predecessor the register lacks
/// (Bournemouth 837, Dorset County 835) is registered from the lineage row, so its history has a stream to live in.
/// </summary>
public static class LineageReader
{
    public static ReferenceData Apply(List<AuthorityRegistered> register, IEnumerable<IReadOnlyDictionary<string, string>> rows, Recorded recorded)
    {
        var all = rows.ToList();
        var byCode = all.ToDictionary(r => r["local-authority-code"]);
        var lineage = new List<RecordLineage>();

        foreach (var row in all.Where(r => r["nation"] == "England" && r["replaced-by"].Length > 0 && r["end-date"].Length > 0))
        {
            var successorRows = row["replaced-by"].Split(',', StringSplitOptions.TrimEntries)
                .Select(code => byCode.GetValueOrDefault(code)).ToList();
            var successors = successorRows.Select(r => r is null ? null : Find(register, r)).ToList();
            if (successors.Count == 0 || successors.Any(s => s is null)) continue;

            // End-date conventions vary (2019-03-31 vs 2021-04-01); the successors' start date is the day the change took effect.
            var effective = successorRows.Select(r => r!["start-date"]).Where(d => d.Length > 0).Select(ParseDate)
                .DefaultIfEmpty(ParseDate(row["end-date"])).Min();
            if (effective < ReferenceData.LineageFrom) continue;

            var predecessor = Find(register, row) ?? RegisterFromLineage(register, row, successors[0]!, recorded);
            // A county that became a unitary under the same DfE code (Buckinghamshire, North Yorkshire, Somerset)
            // is one continuing children's services authority, not a reorganisation.
            if (predecessor is null || successors.Any(s => s!.AuthorityId == predecessor.AuthorityId)) continue;

            var predecessorLink = new LineageLink(predecessor.AuthorityId, predecessor.Name);
            var successorLinks = successors.Select(s => new LineageLink(s!.AuthorityId, s.Name)).ToArray();
            lineage.Add(new RecordLineage(predecessor.AuthorityId, [], successorLinks, effective, ReferenceData.LineageSource));
            foreach (var successor in successorLinks)
                lineage.Add(new RecordLineage(successor.AuthorityId, [predecessorLink], [], effective, ReferenceData.LineageSource));
        }

        // A successor formed from several predecessors (BCP) gets one event naming them all.
        var merged = lineage.GroupBy(l => (l.AuthorityId, l.EffectiveOn)).Select(g => new RecordLineage(g.Key.AuthorityId,
            g.SelectMany(l => l.Predecessors).DistinctBy(p => p.AuthorityId).ToArray(),
            g.SelectMany(l => l.Successors).DistinctBy(s => s.AuthorityId).ToArray(), g.Key.EffectiveOn, ReferenceData.LineageSource)).ToList();
        return new ReferenceData(register, merged);
    }

    private static AuthorityRegistered? Find(List<AuthorityRegistered> register, IReadOnlyDictionary<string, string> row) =>
        register.FirstOrDefault(a => a.GssCode == row["gss-code"])
        ?? register.FirstOrDefault(a => row["old-ons-la-code"].Length == 3 && a.AuthorityId == row["old-ons-la-code"]);

    /// <summary>Only upper-tier authorities carry a 3-digit DfE code; districts never ran children's services.</summary>
    private static AuthorityRegistered? RegisterFromLineage(List<AuthorityRegistered> register, IReadOnlyDictionary<string, string> row, AuthorityRegistered successor, Recorded recorded)
    {
        var dfe = row["old-ons-la-code"];
        if (dfe.Length != 3 || !dfe.All(char.IsAsciiDigit)) return null;
        var name = row["nice-name"];
        var entry = new AuthorityRegistered(dfe, name, ReferenceData.Slugify(name), null, ReferenceData.NullIfEmpty(row["gss-code"]),
            ReferenceData.NullIfEmpty(row["region"]) ?? successor.Region, successor.RegionCode, ReferenceData.NullIfEmpty(row["local-authority-type-name"]),
            [], [row["official-name"]], ReferenceData.LineageSource, recorded);
        register.Add(entry);
        return entry;
    }

    private static DateOnly ParseDate(string text) => DateOnly.ParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture);
}
