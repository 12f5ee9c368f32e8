using Tracker.Domain.Authorities;
using Tracker.Domain.Common;
using Tracker.Domain.Corrections;
using Tracker.Domain.Inspections;
using Tracker.Projections.CurrentGrades;

namespace Tracker.Projections.National;

/// <summary>One change to an authority's contribution: from <see cref="Day"/> on, <see cref="Change"/> more (or fewer) in a bucket.</summary>
public readonly record struct GradeStep(DateOnly Day, string Area, int Bucket, int Change);

/// <summary>
/// The grade-picture projection's own state for one authority: only what decides where it counts in the pictures
/// (region, existence dates, inspections with corrections and withdrawals applied). It is folded with the standing's own
/// <see cref="AuthorityStanding.Step"/>, and <see cref="Steps"/> uses <see cref="GradePictures.GradeOn"/> and
/// <see cref="AuthorityStanding.ExistedOn"/>, so the stored picture follows exactly the rule of the computed one.
/// </summary>
public sealed class GradeContribution
{
    /// <summary>Buckets 0-3 are <see cref="Grade.Outstanding"/>..<see cref="Grade.Inadequate"/> (their enum values); 4 is ungraded.</summary>
    public const int Ungraded = 4;
    public const int Buckets = 5;

    public string Id { get; set; } = "";
    public string? Region { get; set; }
    public string? RegionCode { get; set; }
    public DateOnly? FormedOn { get; set; }
    public DateOnly? AbolishedOn { get; set; }
    public List<InspectionItem> Inspections { get; set; } = [];
    /// <summary>Withdrawn inspections, kept so a reinstatement counts them again.</summary>
    public List<ParkedReport> Withdrawn { get; set; } = [];

    /// <summary>The events that can move an authority in a picture; any other event leaves its contribution as it is.</summary>
    public static bool Matters(object data) => AuthorityEvents.Of(data.GetType())?.Picture == true;

    /// <summary>Scope keys this authority counts in: England, and its region when it has one.</summary>
    public IEnumerable<string> Scopes()
    {
        yield return GradeScope.England;
        if (GradeScope.KeyFor(Region, RegionCode) is { } region) yield return region;
    }

    /// <summary>A new state; the old one is left untouched so its steps can still be taken back.</summary>
    public static GradeContribution? Step(GradeContribution? state, string id, object data)
    {
        if (state is null && data is not AuthorityRegistered) return null;
        var s = AuthorityStanding.Step(state?.AsStanding() ?? null, id, data);
        return new GradeContribution
        {
            Id = id, Region = s.Region, RegionCode = s.RegionCode, FormedOn = s.FormedOn, AbolishedOn = s.AbolishedOn,
            Inspections = s.Inspections, Withdrawn = [.. s.Withdrawn.Where(p => p.Inspection is not null)],
        };
    }

    /// <summary>A standing with this state's fields, on a copy of the inspection list (the fold mutates lists).</summary>
    public AuthorityStanding AsStanding() => new()
    {
        Id = Id, Region = Region, RegionCode = RegionCode, FormedOn = FormedOn, AbolishedOn = AbolishedOn, Inspections = [.. Inspections],
        Withdrawn = [.. Withdrawn],
    };

    /// <summary>
    /// The contribution as steps: per area, the running sum of steps up to a day is 1 in the bucket the authority counts in
    /// that day, or nothing when it did not exist. Its value can only change on a day when it was formed or abolished or a
    /// graded inspection was published, so evaluating the exact rule on those days (and "since ever", DateOnly.MinValue) is enough.
    /// </summary>
    public IReadOnlyList<GradeStep> Steps()
    {
        var s = AsStanding();
        var days = new SortedSet<DateOnly> { DateOnly.MinValue };
        if (FormedOn is { } formed) days.Add(formed);
        if (AbolishedOn is { } abolished) days.Add(abolished);
        foreach (var i in Inspections)
            if (i.IsGraded && i.Framework.CountsNationally() && i.PublishedOn is { } published) days.Add(published);

        var steps = new List<GradeStep>();
        foreach (var area in JudgementAreas.National)
        {
            int? previous = null;
            foreach (var day in days)
            {
                int? now = s.ExistedOn(day) ? Bucket(GradePictures.GradeOn(s, area, day)) : null;
                if (now == previous) continue;
                if (previous is { } was) steps.Add(new GradeStep(day, area, was, -1));
                if (now is { } @is) steps.Add(new GradeStep(day, area, @is, +1));
                previous = now;
            }
        }
        return steps;
    }

    public static int Bucket(Grade? grade) => grade is { } g and >= Grade.Outstanding and <= Grade.Inadequate ? (int)g : Ungraded;
}
