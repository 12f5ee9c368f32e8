using Tracker.Domain.Jtais;
using Tracker.Domain.Tests.Support;

namespace Tracker.Domain.Tests.Jtais;

public sealed class RecordJtaiTests
{
    private static JtaiInput Jtai(params string?[] inspectorates) => new("Serious youth violence", [.. inspectorates],
        new DateOnly(2024, 2, 5), new DateOnly(2024, 2, 9), new DateOnly(2024, 4, 2), "https://files.ofsted.gov.uk/v1/file/50000003");

    [Fact]
    public void A_jtai_names_its_theme_and_inspectorates()
    {
        var jtai = new RecordJtai("380", Jtai("Ofsted", "CQC", "HMICFRS"), "t").Decide(Given.Authority(), Given.Now)
            .ShouldHaveSingleItem().ShouldBeOfType<JtaiRecorded>();
        jtai.Details.Inspectorates.ShouldBe(["cqc", "hmicfrs", "ofsted"]);
        jtai.Details.Theme.ShouldBe("Serious youth violence");
    }

    [Fact]
    public void A_joint_inspection_needs_at_least_two_known_inspectorates()
    {
        Given.Rejects(() => new RecordJtai("380", Jtai("ofsted"), "t").Decide(Given.Authority(), Given.Now))
            .Errors.Keys.ShouldContain("inspectorates");
        Given.Rejects(() => new RecordJtai("380", Jtai("ofsted", "martians"), "t").Decide(Given.Authority(), Given.Now))
            .Errors["inspectorates"].Single().ShouldContain("martians");
    }
}
