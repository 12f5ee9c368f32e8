using Tracker.Domain.Authorities;
using Tracker.Domain.Common;

namespace Tracker.Domain.Tests.Support;

/// <summary>Builds write-model state from past events, as Marten's fold would, so deciders can be tested without a database.</summary>
public static class Given
{
    public static readonly Recorded Now = new("tester", new DateTimeOffset(2026, 11, 27, 12, 0, 0, TimeSpan.Zero));

    public static AuthorityRegistered Bradford { get; } = Registered("380", "Bradford");

    public static AuthorityRegistered Registered(string id, string name) =>
        new(id, name, name.ToLowerInvariant(), null, null, null, null, null, [], [], "test", Now);

    public static Authority Authority(params object[] events)
    {
        Authority? state = null;
        foreach (var e in events)
        {
            if (e is AuthorityRegistered registered) state = Domain.Authorities.Authority.Create(registered);
            else ((dynamic)state!).Apply((dynamic)e);
        }
        return state ?? Domain.Authorities.Authority.Create(Bradford);
    }

    public static Rejection Rejects(Action decide) => Should.Throw<Rejection>(decide);
}
