using Tracker.Domain.Authorities;
using Tracker.Domain.Common;

namespace Tracker.Domain.Corrections;

/// <summary>
/// <paramref name="Inner"/>, except that a fact it finds withdrawn with the same content is reinstated with
/// <paramref name="Reason"/>: for an import that has decided (by evidence or a user's word) that the fact belongs here
/// after all. A plain re-import does not wrap its commands in this, so it never undoes a withdrawal.
/// </summary>
public sealed record ReinstateIfWithdrawn(IAuthorityCommand Inner, string Reason) : IAuthorityCommand
{
    public string Authority => Inner.Authority;
    public string RecordedBy => Inner.RecordedBy;
    public long? ExpectedVersion => Inner.ExpectedVersion;
    public string FactId => Inner.FactId;

    public IReadOnlyList<object> Decide(Authority state, Recorded recorded)
    {
        var events = Inner.Decide(state, recorded);
        if (events.Count > 0 || !FactLedger.IsWithdrawn(state, FactId)) return events;
        var reinstate = new CorrectionInput(FactId, CorrectionAction.Reinstate, Reason);
        return new CorrectFact(state.Id, reinstate, RecordedBy).Decide(state, recorded);
    }
}
