using Tracker.Domain.Authorities;
using Tracker.Domain.Common;
using Tracker.Domain.Inspections;
using Tracker.Domain.Tests.Support;

namespace Tracker.Domain.Tests.Authorities;

public sealed class AuthorityLifetimeTests
{
    private static readonly AuthorityRegistered NorthNorthamptonshire = Given.Registered("940", "North Northamptonshire");
    private static readonly AuthorityRegistered Northamptonshire = Given.Registered("928", "Northamptonshire");
    private static readonly DateOnly SplitDay = new(2021, 4, 1);

    [Fact]
    public void A_successor_cannot_hold_an_inspection_published_before_it_existed()
    {
        var successor = Given.Authority(NorthNorthamptonshire,
            new AuthorityFormedFrom([new LineageLink("928", "Northamptonshire")], SplitDay, "test", Given.Now));
        var input = Inputs.Ilacs2023() with
        {
            Framework = FrameworkVersion.Ilacs2018, StartDate = new DateOnly(2019, 9, 2), EndDate = new DateOnly(2019, 9, 13),
            PublishedOn = new DateOnly(2019, 11, 1),
            Grades = new() { ["overall"] = Grade.Inadequate, ["impact_of_leaders"] = Grade.Inadequate,
                ["help_and_protection"] = Grade.Inadequate, ["children_in_care_and_care_leavers"] = Grade.Inadequate },
        };

        var rejection = Given.Rejects(() => new RecordInspection("940", input, "t").Decide(successor, Given.Now));
        rejection.Kind.ShouldBe(RejectionKind.Unprocessable);
        new RecordInspection("928", input, "t")
            .Decide(Given.Authority(Northamptonshire), Given.Now).ShouldHaveSingleItem();
    }

    [Fact]
    public void An_abolished_authority_takes_no_facts_dated_after_abolition()
    {
        var abolished = Given.Authority(Northamptonshire,
            new AuthorityAbolished([new LineageLink("940", "North Northamptonshire")], SplitDay, "test", Given.Now));
        abolished.IsCurrent.ShouldBeFalse();
        Given.Rejects(() => new RecordInspection("928", Inputs.Ilacs2023(), "t").Decide(abolished, Given.Now))
            .Kind.ShouldBe(RejectionKind.Unprocessable);
    }

    [Fact]
    public void Registering_an_authority_that_exists_appends_nothing()
    {
        AuthorityRegistration.Decide(null, new RegisterAuthority(Given.Bradford)).ShouldBe([Given.Bradford]);
        AuthorityRegistration
            .Decide(Given.Authority(Given.Bradford), new RegisterAuthority(Given.Bradford)).ShouldBeEmpty();
    }

    [Fact]
    public void Lineage_is_recorded_once_with_its_date()
    {
        var change = new RecordLineage("940", [new LineageLink("928", "Northamptonshire")], [], SplitDay, "lineage.csv");
        var events = AuthorityRegistration.Decide(Given.Authority(NorthNorthamptonshire), change, Given.Now);
        var formed = events.ShouldHaveSingleItem().ShouldBeOfType<AuthorityFormedFrom>();
        formed.EffectiveOn.ShouldBe(SplitDay);

        AuthorityRegistration.Decide(Given.Authority(NorthNorthamptonshire, formed), change, Given.Now).ShouldBeEmpty();
    }
}
