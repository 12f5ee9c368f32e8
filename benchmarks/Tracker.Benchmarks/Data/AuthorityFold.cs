using Tracker.Domain.Authorities;

namespace Tracker.Benchmarks.Data;

/// <summary>Folds events into the write model in memory, exactly as the inline snapshot does, so deciders see real state.</summary>
internal static class AuthorityFold
{
    public static Authority Apply(Authority? state, object e)
    {
        if (e is AuthorityRegistered registered) return Authority.Create(registered);
        var s = state ?? throw new InvalidOperationException("A stream must start with AuthorityRegistered");
        AuthorityEvolution.Apply(s, e);
        s.Version++;
        return s;
    }
}
