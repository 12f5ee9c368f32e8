namespace Tracker.Domain.Common;

/// <summary>A command addressed to one authority's stream, optionally guarded by the stream version the caller saw.</summary>
public interface IAuthorityCommand
{
    string Authority { get; }
    string RecordedBy { get; }
    long? ExpectedVersion { get; }
    string FactId { get; }
}
