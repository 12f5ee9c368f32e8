using Tracker.Domain.Authorities;

namespace Tracker.Host.Integrations;

/// <summary>The integration event types Tracker publishes, and the stored events each derives from.</summary>
public static class CloudEventTypes
{
    public const string GradeChanged = "tracker.grade.changed";

    public static readonly IReadOnlyDictionary<Type, string> ByEvent =
        AuthorityEvents.All.Where(e => e.Integration is not null).ToDictionary(e => e.Type, e => e.Integration!);

    public static IReadOnlyList<string> All { get; } = [.. ByEvent.Values, GradeChanged];

    /// <summary>The stored events that carry an inspection's grades, so can also be published as a grade change.</summary>
    private static readonly Type[] GradeSources = [.. AuthorityEvents.Types(e => e.GradeChange)];

    /// <summary>The stored event types that can produce any of <paramref name="types"/> (grade changes come from inspections and corrections).</summary>
    public static Type[] SourcesOf(IReadOnlyCollection<string> types) =>
        ByEvent.Where(p => types.Contains(p.Value)
                || (types.Contains(GradeChanged) && GradeSources.Contains(p.Key)))
            .Select(p => p.Key).ToArray();
}
