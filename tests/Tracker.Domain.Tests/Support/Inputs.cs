using Tracker.Domain.Common;
using Tracker.Domain.Inspections;

namespace Tracker.Domain.Tests.Support;

public static class Inputs
{
    public const string Report = "https://files.ofsted.gov.uk/v1/file/50000001";

    public static InspectionInput Ilacs2023(Grade overall = Grade.Good, string reference = Report) => new(
        FrameworkVersion.Ilacs2023, InspectionKind.Standard,
        new DateOnly(2024, 1, 8), new DateOnly(2024, 1, 19), new DateOnly(2024, 3, 1), reference,
        new Dictionary<string, Grade?>
        {
            ["overall"] = overall, ["impact_of_leaders"] = Grade.Good, ["help_and_protection"] = Grade.Good,
            ["children_in_care"] = Grade.RequiresImprovement, ["care_leavers"] = Grade.Good,
        });

    public static RecordInspection Record(InspectionInput input) => new("380", input, "tester");
}
