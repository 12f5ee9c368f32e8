using JasperFx.Events;
using Marten;
using JasperFx;
using Marten.Schema;
using Tracker.Domain.Authorities;
using Tracker.Domain.Common;

namespace Tracker.Host.Authorities.Registration;

public sealed record RegistrationSummary(int Read, int Registered, int LineageEvents);

/// <summary>
/// Registers every authority and its lineage from the shipped reference data. Idempotent: a second run appends nothing.
/// Runs at startup (as Marten initial data, also after a test reset) and from the CLI.
/// </summary>
public sealed class AuthorityRegistrar(TimeProvider clock, ILogger<AuthorityRegistrar> log) : IInitialData
{
    public async Task<RegistrationSummary> RegisterAsync(IDocumentStore store, CancellationToken ct)
    {
        try
        {
            return await TryRegisterAsync(store, ct);
        }
        catch (Exception e) when (e is ExistingStreamIdCollisionException or ConcurrencyException)
        {
            // Another node registered at the same moment; what it wrote is now visible, so decide again.
            return await TryRegisterAsync(store, ct);
        }
    }

    private async Task<RegistrationSummary> TryRegisterAsync(IDocumentStore store, CancellationToken ct)
    {
        var recorded = new Recorded("system:reference-data", clock.GetUtcNow());
        var data = ReferenceData.Load(AppContext.BaseDirectory, recorded);

        await using var session = store.LightweightSession();
        var existing = (await session.Query<Authority>().ToListAsync(ct)).ToDictionary(a => a.Id);
        var states = new Dictionary<string, Authority>(existing);
        var pending = new Dictionary<string, List<object>>();

        foreach (var entry in data.Register)
        {
            var events = AuthorityRegistration.Decide(existing.GetValueOrDefault(entry.AuthorityId), new RegisterAuthority(entry));
            if (events.Count == 0) continue;
            pending[entry.AuthorityId] = [.. events];
            states[entry.AuthorityId] = Authority.Create(entry);
        }

        var lineageEvents = 0;
        foreach (var change in data.Lineage)
        {
            var events = AuthorityRegistration.Decide(states[change.AuthorityId], change, recorded);
            if (events.Count == 0) continue;
            lineageEvents += events.Count;
            if (!pending.TryGetValue(change.AuthorityId, out var list)) pending[change.AuthorityId] = list = [];
            list.AddRange(events);
        }

        foreach (var (id, events) in pending)
        {
            if (existing.TryGetValue(id, out var current))
                session.Events.Append(id, current.Version + events.Count, events.ToArray());
            else
                session.Events.StartStream<Authority>(id, events.ToArray());
        }
        await session.SaveChangesAsync(ct);

        var summary = new RegistrationSummary(data.Register.Count, pending.Keys.Count(k => !existing.ContainsKey(k)), lineageEvents);
        if (pending.Count > 0)
            log.LogInformation("Authority register: {Read} entries read, {Registered} registered, {Lineage} lineage events appended",
                summary.Read, summary.Registered, summary.LineageEvents);
        return summary;
    }

    public Task Populate(IDocumentStore store, CancellationToken cancellation) => RegisterAsync(store, cancellation);
}
