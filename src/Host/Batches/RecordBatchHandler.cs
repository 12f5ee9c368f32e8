using Marten;
using Tracker.Domain.Authorities;
using Tracker.Domain.Common;
using Tracker.Host.Authorities;

namespace Tracker.Host.Batches;

public sealed record BatchItemResult(int Index, string Status, string Authority, string FactId, long Version);

public sealed record BatchResult(int Recorded, int AlreadyRecorded, IReadOnlyList<BatchItemResult> Results);

/// <summary>
/// Decides a whole batch against the authorities' write models, loaded in one round trip, and appends each stream's
/// events once with its version as the guard: a concurrent writer makes the commit fail, and Wolverine's retry policy
/// decides the batch again. Any rejected command rejects the batch, so nothing is ever half recorded.
/// </summary>
public static class RecordBatchHandler
{
    public static async Task<BatchResult> Handle(RecordBatch batch, IDocumentSession session, TimeProvider clock, CancellationToken ct)
    {
        var (ids, states) = await LoadAsync(session, batch.Commands.Select(c => c.Command.Authority).Distinct(StringComparer.Ordinal).ToList(), ct);
        var startVersions = states.ToDictionary(s => s.Key, s => s.Value.Version);
        var pending = new Dictionary<string, List<object>>(StringComparer.Ordinal);
        var results = new List<BatchItemResult>(batch.Commands.Count);
        var errors = new Dictionary<string, string[]>();
        var kinds = new HashSet<RejectionKind>();

        for (var i = 0; i < batch.Commands.Count; i++)
        {
            var (command, decide) = (batch.Commands[i].Command, batch.Commands[i].Decide);
            if (ids[command.Authority] is not { } id || !states.TryGetValue(id, out var state))
            {
                errors[$"commands[{i}].authority"] = [Rejection.UnknownAuthority(command.Authority).Message];
                kinds.Add(RejectionKind.NotFound);
                continue;
            }
            IReadOnlyList<object> events;
            try { events = decide(state, new Recorded(command.RecordedBy, clock.GetUtcNow())); }
            catch (Rejection r)
            {
                foreach (var (field, messages) in r.Errors) errors[$"commands[{i}].{field}"] = messages;
                if (r.Errors.Count == 0) errors[$"commands[{i}]"] = [r.Message];
                kinds.Add(r.Kind);
                continue;
            }
            foreach (var e in events) AuthorityEvolution.Apply(state, e);
            var stream = pending.TryGetValue(id, out var list) ? list : pending[id] = [];
            stream.AddRange(events);
            var factId = events.OfType<IFact>().FirstOrDefault()?.FactId ?? command.FactId;
            var status = events.Count > 0 ? "recorded" : FactLedger.IsWithdrawn(state, factId) ? "withdrawn" : "already_recorded";
            results.Add(new BatchItemResult(i, status, id, factId, startVersions[id] + stream.Count));
        }

        if (errors.Count > 0) throw Refusal(kinds, errors, batch.Commands.Count);
        foreach (var (id, events) in pending.Where(p => p.Value.Count > 0))
            session.Events.Append(id, startVersions[id] + events.Count, events);
        // Wolverine's transactional middleware commits the session after the handler returns.
        return new BatchResult(results.Count(r => r.Status == "recorded"), results.Count(r => r.Status != "recorded"), results);
    }

    /// <summary>
    /// Stream keys (what bulk clients send) are loaded directly, all in one query; any other identifier, or a key-like
    /// token that is not a stream key (a URN), costs one resolve query and one more load.
    /// </summary>
    private static async Task<(Dictionary<string, string?> Ids, Dictionary<string, Authority> States)> LoadAsync(
        IDocumentSession session, IReadOnlyList<string> tokens, CancellationToken ct)
    {
        var ids = tokens.ToDictionary(t => t, t => AuthorityStreams.LooksLikeStreamKey(t) ? t : null, StringComparer.Ordinal);
        var states = (await session.LoadManyAsync<Authority>(ct, ids.Values.OfType<string>().ToArray())).ToDictionary(a => a.Id);
        foreach (var token in tokens.Where(t => ids[t] is not { } id || !states.ContainsKey(id)))
            ids[token] = await AuthorityStreams.ResolveAsync(session, token, ct);
        var more = ids.Values.OfType<string>().Where(id => !states.ContainsKey(id)).Distinct().ToArray();
        if (more.Length > 0)
            foreach (var a in await session.LoadManyAsync<Authority>(ct, more)) states[a.Id] = a;
        return (ids, states);
    }

    private static Rejection Refusal(HashSet<RejectionKind> kinds, Dictionary<string, string[]> errors, int total)
    {
        var kind = kinds.Count == 1 ? kinds.Single() : RejectionKind.Unprocessable;
        var title = $"{errors.Keys.Select(k => k[..(k.IndexOf(']') + 1)]).Distinct().Count()} of {total} commands were rejected; nothing was recorded";
        return new Rejection(kind, title, "See errors, keyed by the command's index in the batch.", errors);
    }
}
