using Marten;
using Marten.Exceptions;
using Tracker.Domain.Authorities;
using Tracker.Domain.Common;

namespace Tracker.Host.Writes;

/// <summary>
/// The one way a fact reaches the store, for a single command (HTTP or the durable queue), a batch and every importer:
/// resolve the authorities, load their write models in one round trip, let each command decide against the state so
/// far (a later command sees what an earlier one appended), and append each stream once with the version it was
/// decided on as the guard. Everything in a request commits together or not at all. A commit that lost a race is
/// decided again (<see cref="WriteRetry"/>); a command that named a version it no longer matches is refused.
/// </summary>
/// <remarks>
/// Importers, which stamp every event with their run's <see cref="Recorded"/>, may build one without a clock.
/// </remarks>
public sealed class AuthorityWriter : IAsyncDisposable
{
    private readonly IDocumentStore store;
    private readonly TimeProvider? clock;
    private readonly CommitGroups groups;

    public AuthorityWriter(IDocumentStore store, TimeProvider? clock = null)
    {
        this.store = store;
        this.clock = clock;
        groups = new CommitGroups(WriteAsync);
    }

    /// <summary>
    /// A client's command: committed with any others waiting (<see cref="CommitGroups"/>), or alone when it names the
    /// version it expects. A rejection is thrown.
    /// </summary>
    public async Task<CommandResult> WriteOneAsync(IAuthorityCommand command, CancellationToken ct)
    {
        var result = command.ExpectedVersion is null ? await groups.WriteAsync(command, ct)
            : (await WriteAsync(WriteRequest.One(command), ct)).Results[0];
        return result.Rejection is { } rejection ? throw rejection : result;
    }

    /// <summary>Transactions that carried grouped single commands (see <see cref="CommitGroups"/>).</summary>
    public long GroupsWritten => groups.GroupsWritten;

    public ValueTask DisposeAsync() => groups.DisposeAsync();

    public async Task<WriteResult> WriteAsync(WriteRequest request, CancellationToken ct)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await TryWriteAsync(request, attempt > 1, ct);
            }
            catch (Exception e) when (WriteRetry.IsLostRace(e))
            {
                // A caller that named the version it saw must read again: deciding again would not honour it.
                if (request.Commands.FirstOrDefault(c => c.Command.ExpectedVersion is not null)?.Command is { } guarded)
                    throw Rejection.StaleVersion(guarded.Authority, guarded.ExpectedVersion!.Value);
                if (attempt >= WriteRetry.Attempts) throw;
                await Task.Delay(WriteRetry.Backoff(attempt), ct);
            }
            catch (SessionTransactionUnusableException) when (attempt < WriteRetry.Attempts)
            {
                // The attempt's one connection broke before it committed (a database restart): nothing was written, so
                // try again on a fresh one. If the database is still down, opening it fails as an outage (503).
                await Task.Delay(WriteRetry.Backoff(attempt), ct);
            }
        }
    }

    /// <param name="streamVersions">
    /// After a lost race, guard with the streams' own versions rather than the snapshots': a snapshot left behind its
    /// stream (an append made outside this writer, e.g. in a transaction that ran no inline projection) would
    /// otherwise make every guarded append fail.
    /// </param>
    private async Task<WriteResult> TryWriteAsync(WriteRequest request, bool streamVersions, CancellationToken ct)
    {
        // One connection for the whole attempt: the reads, the inline projections' loads and the commit would otherwise
        // each take a connection from the pool (and pay its reset), five per single-command write.
        await using var connection = store.Storage.Database.CreateConnection();
        await connection.OpenAsync(ct);
        await using var session = store.LightweightSession(Marten.Services.SessionOptions.ForConnection(connection));
        var (ids, states) = await WriteModels.LoadAsync(session, request.Commands.Select(c => c.Command.Authority), ct);
        if (streamVersions)
            foreach (var state in states.Values)
                state.Version = (await session.Events.FetchStreamStateAsync(state.Id, ct))?.Version ?? state.Version;
        var facts = new FactSet(session, states);
        await facts.LoadAsync(request.Commands.Select(c => (ids[c.Command.Authority], c.Command.FactId)), ct);
        // A lightweight session tracks nothing, so deciding on these copies mutates nothing Marten holds.
        var startVersions = states.ToDictionary(s => s.Key, s => s.Value.Version, StringComparer.Ordinal);
        var pending = new Dictionary<string, List<object>>(StringComparer.Ordinal);
        var results = new List<CommandResult>(request.Commands.Count);
        var now = (clock ?? TimeProvider.System).GetUtcNow();

        for (var i = 0; i < request.Commands.Count; i++)
        {
            var (command, source) = (request.Commands[i].Command, request.Commands[i].Source);
            var id = ids[command.Authority];
            if (id is null || !states.TryGetValue(id, out var state))
            {
                results.Add(Refused(i, null, command, Rejection.UnknownAuthority(command.Authority)));
                continue;
            }
            var stream = pending.TryGetValue(id, out var list) ? list : pending[id] = [];
            if (command.ExpectedVersion is { } expected && expected != startVersions[id] + stream.Count)
            {
                results.Add(Refused(i, id, command, Rejection.StaleVersion(id, expected)));
                continue;
            }
            var recorded = request.Recorded ?? new Recorded(By(command), now);
            if (source is not null) recorded = recorded with { Source = source };
            IReadOnlyList<object> events;
            try
            {
                events = command.Decide(state, recorded);
                // A command whose events name a fact it did not name itself is decided again once that fact is loaded.
                if (await facts.LoadAsync(events.OfType<IFact>().Select(f => ((string?)id, f.FactId)), ct))
                    events = command.Decide(state, recorded);
            }
            catch (Rejection rejection) { results.Add(Refused(i, id, command, rejection)); continue; }

            foreach (var e in events) AuthorityEvolution.Apply(state, e);
            facts.Known(id, events);
            stream.AddRange(events);
            var factId = events.OfType<IFact>().FirstOrDefault()?.FactId ?? command.FactId;
            var status = events.Count > 0 ? WriteStatus.Recorded
                : FactLedger.IsWithdrawn(state, factId) ? WriteStatus.Withdrawn : WriteStatus.AlreadyRecorded;
            results.Add(new CommandResult(i, id, factId, startVersions[id] + stream.Count, status, events));
        }

        var rejected = results.Any(r => r.Rejection is not null);
        if ((request.Mode == WriteMode.AllOrNothing && rejected)
            || (request.Mode == WriteMode.WholeSource && results.Count > 0 && results[0].Rejection is not null))
            return new WriteResult(request.Commands, results, Written: false);

        foreach (var (id, events) in pending.Where(p => p.Value.Count > 0))
            // The expected version is the one after the append: Marten checks the stream still stands where it was read.
            session.Events.Append(id, startVersions[id] + events.Count, events.ToArray());
        if (request.Document is { } document) session.Store(document);
        var written = pending.Values.Any(p => p.Count > 0) || request.Document is not null;
        if (written) await session.SaveChangesAsync(ct);
        return new WriteResult(request.Commands, results, written);
    }

    private static CommandResult Refused(int index, string? authorityId, IAuthorityCommand command, Rejection why) =>
        new(index, authorityId, command.FactId, 0, WriteStatus.Rejected, [], why);

    private static string By(IAuthorityCommand command) =>
        string.IsNullOrWhiteSpace(command.RecordedBy) ? "anonymous" : command.RecordedBy;
}
