using Tracker.Domain.Authorities;
using Tracker.Domain.Common;

namespace Tracker.Domain.Tests.Authorities;

/// <summary>The one event table: nothing a stream can hold is missing from it, or from the README's catalogue.</summary>
public sealed class AuthorityEventsTests
{
    /// <summary>What a stream can hold: every fact event, and the three register events.</summary>
    private static readonly Type[] StreamEvents =
    [
        .. typeof(IFact).Assembly.GetTypes().Where(t => t is { IsClass: true, IsAbstract: false } && typeof(IFact).IsAssignableFrom(t)),
        typeof(AuthorityRegistered), typeof(AuthorityFormedFrom), typeof(AuthorityAbolished),
    ];

    [Fact]
    public void Every_fact_event_of_the_domain_is_in_the_table_with_a_way_to_evolve_the_write_model()
    {
        foreach (var type in StreamEvents.Where(t => typeof(IFact).IsAssignableFrom(t)))
            AuthorityEvents.Of(type).ShouldNotBeNull($"{type.Name} is a fact event but not in AuthorityEvents.All")
                .Evolve.ShouldNotBeNull($"{type.Name} needs its write-model evolution in the table");
        AuthorityEvents.All.Select(e => e.Type).ShouldBe(StreamEvents, ignoreOrder: true);
    }

    [Fact]
    public void The_readme_catalogue_has_a_row_for_every_event()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (!File.Exists(Path.Combine(dir!.FullName, "README.md")) || !File.Exists(Path.Combine(dir.FullName, "Tracker.sln")))
            dir = dir.Parent;
        var readme = File.ReadAllText(Path.Combine(dir.FullName, "README.md"));

        foreach (var e in AuthorityEvents.All) readme.ShouldContain($"| `{e.Type.Name}` |", Case.Sensitive, e.Type.Name);
    }

    [Fact]
    public void Only_register_events_have_no_evolution_and_published_events_name_a_tracker_type()
    {
        AuthorityEvents.All.Where(e => e.Evolve is null).Select(e => e.Type.Name)
            .ShouldBe(["AuthorityRegistered", "AuthorityFormedFrom", "AuthorityAbolished"]);
        AuthorityEvents.All.Where(e => e.Integration is not null).ShouldAllBe(e => e.Integration!.StartsWith("tracker."));
    }
}
