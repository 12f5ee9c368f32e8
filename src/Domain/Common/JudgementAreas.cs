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
    public const string CapacityToImprove = "capacity_to_improve";
    public const string OutcomesForLookedAfterChildren = "outcomes_for_looked_after_children";
    public const string QualityOfProvision = "quality_of_provision";
    public const string LeadershipAndManagement = "leadership_and_management";

    /// <summary>Only the overall grade: the source names no framework, so no other area can be assumed.</summary>
    private static readonly string[] PreSif = [Overall];
    /// <summary>As printed in the "Record of main findings" of Norfolk's report of 16 August 2013.</summary>
    private static readonly string[] Lac =
        [Overall, CapacityToImprove, OutcomesForLookedAfterChildren, QualityOfProvision, LeadershipAndManagement];
    private static readonly string[] Sif =
        [Overall, HelpAndProtection, ChildrenLookedAfter, Adoption, CareLeavers, Leadership];
    private static readonly string[] Ilacs2018 =
        [Overall, ImpactOfLeaders, HelpAndProtection, ChildrenInCareAndCareLeavers];
    private static readonly string[] Ilacs2023 =
        [Overall, ImpactOfLeaders, HelpAndProtection, ChildrenInCare, CareLeavers];

    public static IReadOnlyList<string> For(FrameworkVersion version) => version switch
    {
        FrameworkVersion.PreSif => PreSif,
        FrameworkVersion.Lac => Lac,
        FrameworkVersion.Sif2013 => Sif,
        FrameworkVersion.Ilacs2018 => Ilacs2018,
        _ => Ilacs2023,
    };

    /// <summary>The areas of the frameworks Ofsted's national statistics count (SIF and ILACS): the pictures' areas.</summary>
    public static IReadOnlyList<string> National { get; } = Sif.Concat(Ilacs2018).Concat(Ilacs2023).Distinct().ToArray();

    public static IReadOnlyList<string> All { get; } = PreSif.Concat(Lac).Concat(National).Distinct().ToArray();
}
