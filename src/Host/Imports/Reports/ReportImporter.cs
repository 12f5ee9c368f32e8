using Marten;
using Tracker.Domain.Authorities;
using Tracker.Domain.Common;
using Tracker.Host.Imports.Evidence;
using Tracker.Projections.CurrentGrades;

using Tracker.Host.Writes;

namespace Tracker.Host.Imports.Reports;

/// <summary>What importing one report file did; a refused file has its reason and wrote nothing.</summary>
public sealed record ReportOutcome(string File, string? AuthorityId, string? FactId, WriteResult? Result, string? Refused,
    IReadOnlyList<string> Problems, RefusalReason? FileProblem = null);

/// <summary>
/// Imports one report file: resolves its authority, finds the inspection it is about (<see cref="ReportMatch"/>), and
/// writes its inspection, metrics and findings in one transaction through the domain's deciders, then keeps its text
/// as evidence. A file that cannot be identified is refused with its reason, and nothing of it is written.
/// </summary>
public sealed class ReportImporter(IDocumentStore store, IReadOnlyList<Authority> register)
{
    private readonly ReportAuthority _authorities = new(register);

    public static async Task<ReportImporter> CreateAsync(IDocumentStore store, CancellationToken ct)
    {
        await using var query = store.QuerySession();
        return new ReportImporter(store, await RegisterNames.LoadAsync(query, ct));
    }

    public async Task<ReportOutcome> ImportAsync(ReportReading reading, ReportHints hints, Recorded recorded, CancellationToken ct)
    {
        if (reading.Refusal is { } refusal)
            return Refuse(reading.File, $"{refusal.Reason}: {refusal.Message}") with { FileProblem = refusal.Reason };
        var report = reading.Report!;
        var published = report.Dates.PublishedOn ?? hints.PublishedOn;
        if (_authorities.Resolve(report.Authority, report.Dates.Start ?? published) is not { } authorityId)
            return Refuse(reading.File, $"the authority printed on page 1 ('{report.Authority}') matches no authority in the register.");

        AuthorityStanding? standing;
        ReportEvidence? known;
        await using (var query = store.QuerySession())
        {
            standing = await query.LoadAsync<AuthorityStanding>(authorityId, ct);
            known = await query.LoadAsync<ReportEvidence>(report.Sha256, ct);
        }
        var match = ReportMatch.Find(standing, published, report.Dates.Start, report.Dates.End);
        if ((published ?? match?.PublishedOn) is not { } publishedOn)
            return Refuse(reading.File, "it cannot be identified: page 1 prints no publication date and no recorded inspection " +
                                        "has its fieldwork dates; give the date (manifest.csv, or ?publishedOn= over HTTP).");
        var framework = report.Framework ?? match?.Framework;
        if (framework is not { } fw)
            return Refuse(reading.File, "its framework cannot be told from its title or judgements, and no recorded inspection says.");

        var reference = match?.ReportReference ?? hints.ReportReference ?? $"sha256:{report.Sha256}";
        var input = ReportCommands.Inspection(report, fw, publishedOn, reference);
        var recordedByThisFile = known is { RecordedFact: true } && known.FactId == match?.FactId;
        var commands = new List<WriteCommand> { ReportCommands.ForInspection(authorityId, report, input, match, recordedByThisFile) };
        commands.AddRange(ReportCommands.Observations(authorityId, report, reference));

        var factId = match?.FactId ?? FactIds.ForReport(reference);
        var evidence = new ReportEvidence
        {
            Id = report.Sha256, AuthorityId = authorityId, FactId = factId, PublishedOn = publishedOn,
            RecordedFact = known?.RecordedFact ?? match is null,
            Text = EvidenceText.Normalise(string.Join('\n', reading.Text!.Pages)),
        };
        var result = await new AuthorityWriter(store).WriteAsync(new WriteRequest(commands, WriteMode.WholeSource, recorded, evidence), ct);
        if (result.Results[0].Rejection is { } why)
            return Refuse(reading.File, $"its inspection was refused: {why.Title}: {why.Message}");
        return new ReportOutcome(reading.File, authorityId, factId, result, null, report.Problems);
    }

    private static ReportOutcome Refuse(string file, string reason) => new(file, null, null, null, reason, []);
}
