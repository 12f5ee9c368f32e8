using Tracker.Domain.Authorities;

namespace Tracker.Domain.Common;

/// <summary>
/// A command addressed to one authority's stream, optionally guarded by the stream version the caller saw. It decides
/// for itself: given what the stream has recorded, the events it appends (none when the fact is already there).
/// </summary>
public interface IAuthorityCommand
{
    string Authority { get; }
    string RecordedBy { get; }
    long? ExpectedVersion { get; }
    string FactId { get; }

    /// <summary>Pure: throws a <see cref="Rejection"/> when the command cannot be accepted; never reads a clock.</summary>
    IReadOnlyList<object> Decide(Authority state, Recorded recorded);
}
