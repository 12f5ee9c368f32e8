namespace Tracker.Domain.Common;

/// <summary>The judgement areas each framework grades, in the order Ofsted reports them.</summary>
public static class JudgementAreas
{
    public const string Overall = "overall";
    public const string ImpactOfLeaders = "impact_of_leaders";
    public const string HelpAndProtection = "help_and_protection";
    public const string ChildrenInCareAndCareLeavers = "children_in_care_and_care_leavers";
    public const string ChildrenInCare = "children_in_care";
    public const string CareLeavers = "care_leavers";
    public const string ChildrenLookedAfter = "children_looked_after";
    public const string Adoption = "adoption";
    public const string Leadership = "leadership";

    private static readonly string[] Sif =
        [Overall, HelpAndProtection, ChildrenLookedAfter, Adoption, CareLeavers, Leadership];
    private static readonly string[] Ilacs2018 =
        [Overall, ImpactOfLeaders, HelpAndProtection, ChildrenInCareAndCareLeavers];
    private static readonly string[] Ilacs2023 =
        [Overall, ImpactOfLeaders, HelpAndProtection, ChildrenInCare, CareLeavers];

    public static IReadOnlyList<string> For(FrameworkVersion version) => version switch
    {
        FrameworkVersion.Sif2013 => Sif,
        FrameworkVersion.Ilacs2018 => Ilacs2018,
        _ => Ilacs2023,
    };

    public static IReadOnlyList<string> All { get; } =
        Sif.Concat(Ilacs2018).Concat(Ilacs2023).Distinct().ToArray();
}
