using Tracker.Domain.Authorities;

namespace Tracker.Projections;

/// <summary>Every event type an authority stream can hold; registered up front so reads never meet an unknown type.</summary>
public static class EventCatalogue
{
    public static readonly Type[] All = [.. AuthorityEvents.Types(_ => true)];
}
