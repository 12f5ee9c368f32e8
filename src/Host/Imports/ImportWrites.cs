using JasperFx;
using Marten;
using Tracker.Domain.Authorities;
using Tracker.Domain.Common;
using Tracker.Domain.Corrections;
using Tracker.Domain.Findings;
using Tracker.Domain.Inspections;
using Tracker.Domain.Metrics;

namespace Tracker.Host.Imports;

/// <summary>One command an import wants to send, with where it came from and the decide function a client's command goes through.</summary>
public sealed record PlannedCommand(int Line, string? Column, Func<Authority, Recorded, IReadOnlyList<object>> Decide)
{
    public static PlannedCommand For(int line, RecordInspection c) => new(line, null, (s, r) => RecordInspection.Decide(s, c, r));
    public static PlannedCommand For(int line, RecordMetric c) => new(line, null, (s, r) => RecordMetric.Decide(s, c, r));
    public static PlannedCommand For(int line, RecordFinding c) => new(line, null, (s, r) => RecordFinding.Decide(s, c, r));
    public static PlannedCommand For(int line, CorrectFact c) => new(line, null, (s, r) => CorrectFact.Decide(s, c, r));
    public static PlannedCommand For(int line, EnrichInspection c) => new(line, null, (s, r) => EnrichInspection.Decide(s, c, r));

    /// <summary>
    /// The same command, but a fact it finds withdrawn with the same content is reinstated with <paramref name="reason"/>:
    /// for an import that has decided (by evidence or a user's word) that the fact belongs here after all. A plain
    /// re-import does not do this, so it never undoes a withdrawal.
    /// </summary>
    public PlannedCommand OrReinstate(string factId, string recordedBy, string reason)
    {
        var decide = Decide;
        var reinstate = new CorrectionInput(factId, CorrectionAction.Reinstate, reason);
        return this with
        {
            Decide = (s, r) =>
            {
                var events = decide(s, r);
                return events.Count == 0 && FactLedger.IsWithdrawn(s, factId)
                    ? CorrectFact.Decide(s, new CorrectFact(s.Id, reinstate, recordedBy), r)
                    : events;
            },
        };
    }

    /// <summary>The same command, its events carrying the file and page they were read from.</summary>
    public PlannedCommand From(SourcePage page) => this with { Decide = (s, r) => Decide(s, r with { Source = page }) };
}

/// <summary>Corrected counts the reports a source's newer version changed (their corrections are among Appended).</summary>
/// <summary>A source written whole: nothing unless its first command is accepted, and this document with it.</summary>
public sealed record WholeWrite(object? Document);

public sealed record BatchResult(int Appended, int Duplicates, IReadOnlyList<(PlannedCommand Command, Rejection Reason)> Rejected,
    int Corrected = 0, int Enriched = 0);

/// <summary>
/// Writes an import's commands for one authority in one session: the stream is fetched once with its version, each
/// command runs through the domain's own decide function against the state so far, and everything commits together.
/// A rejected command is reported and skipped; it never stops the others.
/// </summary>
public static class ImportWrites
{
    /// <param name="whole">
    /// For a source that is one thing (a report file): its first command is the thing itself, so if it is rejected
    /// nothing is written; otherwise <see cref="WholeWrite.Document"/> is stored in the same transaction.
    /// </param>
    public static async Task<BatchResult> WriteAsync(IDocumentStore store, string authorityId, IReadOnlyList<PlannedCommand> commands,
        Recorded recorded, CancellationToken ct, WholeWrite? whole = null)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await TryWriteAsync(store, authorityId, commands, recorded, ct, whole);
            }
            catch (ConcurrencyException) when (attempt < 3)
            {
                // Someone wrote to the authority meanwhile: decide again on what is there now.
            }
        }
    }

    private static async Task<BatchResult> TryWriteAsync(IDocumentStore store, string authorityId, IReadOnlyList<PlannedCommand> commands,
        Recorded recorded, CancellationToken ct, WholeWrite? whole)
    {
        await using var session = store.LightweightSession();
        var stream = await session.Events.FetchForWriting<Authority>(authorityId, ct);
        if (stream.Aggregate is null) throw Rejection.UnknownAuthority(authorityId);
        // Decide against a private copy so the fetched aggregate Marten tracks is never mutated.
        var working = await session.Events.AggregateStreamAsync<Authority>(authorityId, token: ct) ?? throw Rejection.UnknownAuthority(authorityId);

        var (appended, result) = DecideAll(working, commands, recorded);
        if (whole is not null && result.Rejected.Any(r => ReferenceEquals(r.Command, commands[0]))) return result;
        if (whole?.Document is { } document) session.Store(document);
        if (appended.Count > 0) stream.AppendMany(appended.ToArray());
        if (appended.Count > 0 || whole?.Document is not null) await session.SaveChangesAsync(ct);
        return result;
    }

    /// <summary>
    /// Runs each command through its decide function against the state so far, applying what it appends so the next
    /// command sees it (a report listed twice in one file is a duplicate the second time). Mutates <paramref name="working"/>.
    /// </summary>
    public static (List<object> Appended, BatchResult Result) DecideAll(Authority working, IReadOnlyList<PlannedCommand> commands, Recorded recorded)
    {
        var appended = new List<object>();
        int duplicates = 0, corrected = 0, enriched = 0;
        var rejected = new List<(PlannedCommand, Rejection)>();
        foreach (var command in commands)
        {
            IReadOnlyList<object> events;
            try { events = command.Decide(working, recorded); }
            catch (Rejection r) { rejected.Add((command, r)); continue; }
            if (events.Count == 0) { duplicates++; continue; }
            corrected += events.Count(e => e is InspectionCorrected { SourceRevision: true });
            enriched += events.Count(e => e is InspectionEnriched);
            foreach (var e in events) AuthorityEvolution.Apply(working, e);
            appended.AddRange(events);
        }
        return (appended, new BatchResult(appended.Count, duplicates, rejected, corrected, enriched));
    }
}
