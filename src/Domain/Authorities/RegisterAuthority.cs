using Tracker.Domain.Common;

namespace Tracker.Domain.Authorities;

/// <summary>Register an authority from reference data. Re-registering an existing authority appends nothing.</summary>
public sealed record RegisterAuthority(AuthorityRegistered Entry);

/// <summary>Record one reorganisation from the lineage file on one authority's stream.</summary>
public sealed record RecordLineage(string AuthorityId, LineageLink[] Predecessors, LineageLink[] Successors, DateOnly EffectiveOn, string Source);

public static class AuthorityRegistration
{
    public static IReadOnlyList<object> Decide(Authority? current, RegisterAuthority command) =>
        current is null ? [command.Entry] : [];

    public static IReadOnlyList<object> Decide(Authority current, RecordLineage command, Recorded recorded)
    {
        var events = new List<object>();
        var newPredecessors = command.Predecessors.Where(p => current.Predecessors.All(k => k.AuthorityId != p.AuthorityId)).ToArray();
        if (newPredecessors.Length > 0 || (command.Predecessors.Length > 0 && current.FormedOn != command.EffectiveOn))
            events.Add(new AuthorityFormedFrom(command.Predecessors, command.EffectiveOn, command.Source, recorded));

        var newSuccessors = command.Successors.Where(s => current.Successors.All(k => k.AuthorityId != s.AuthorityId)).ToArray();
        if (newSuccessors.Length > 0 || (command.Successors.Length > 0 && current.AbolishedOn != command.EffectiveOn))
            events.Add(new AuthorityAbolished(command.Successors, command.EffectiveOn, command.Source, recorded));
        return events;
    }
}
