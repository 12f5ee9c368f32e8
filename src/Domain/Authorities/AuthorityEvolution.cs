namespace Tracker.Domain.Authorities;

/// <summary>
/// Folds a fact event into a working copy of the write model, so that several commands for one authority can be decided
/// in a row (a batch, an import) before anything is appended. Kept apart from <see cref="Authority"/> on purpose: an
/// <c>Apply(object)</c> there would read to the projection source generator as a handler for every event type.
/// </summary>
public static class AuthorityEvolution
{
    public static void Apply(Authority state, object e)
    {
        if (AuthorityEvents.Of(e.GetType())?.Evolve is not { } evolve)
            throw new InvalidOperationException($"{e.GetType().Name} is not a fact event a command decides.");
        evolve(state, e);
    }
}
