using System.Text.RegularExpressions;
using MetricNames = Tracker.Domain.Metrics.MetricNames;

namespace Tracker.Host.Imports.Metrics;

/// <summary>Decides what a percentage measures from the words of its clause (or, failing that, its sentence).</summary>
internal static partial class MetricSubjects
{
    [GeneratedRegex(@"timescale|timeframe|on time|timeliness|timely|within statutory|completed within|completion of|held within", RegexOptions.IgnoreCase)]
    private static partial Regex TimelinessWords();
    [GeneratedRegex(@"within\s+(?:\d+|fifteen|ten|twenty)\s+(?:working\s+)?days|in\s+timescale|within\s+(?:the\s+)?(?:required\s+|statutory\s+|appropriate\s+)?timescales?", RegexOptions.IgnoreCase)]
    private static partial Regex ReportTimelinessWords();
    [GeneratedRegex(@"particip|attend|provided their views|views were represented|views are formally", RegexOptions.IgnoreCase)]
    private static partial Regex ParticipationWords();

    [GeneratedRegex(@"health\s+assessments?", RegexOptions.IgnoreCase)] private static partial Regex HealthAssessment();
    [GeneratedRegex(@"initial\s+health\s+assessments?|\bIHAs?\b", RegexOptions.IgnoreCase)] private static partial Regex InitialHealth();
    [GeneratedRegex(@"initial\s+(?:child\s+protection\s+)?(?:case\s+)?conferences?|\bICPCs?\b", RegexOptions.IgnoreCase)]
    private static partial Regex InitialConference();
    [GeneratedRegex(@"\bassessments?\b", RegexOptions.IgnoreCase)] private static partial Regex Assessment();
    [GeneratedRegex(@"\breviews?\b", RegexOptions.IgnoreCase)] private static partial Regex Review();
    [GeneratedRegex(@"conference|child protection|plan reviews?", RegexOptions.IgnoreCase)] private static partial Regex NotAReview();
    [GeneratedRegex(@"\bre-?referrals?\b", RegexOptions.IgnoreCase)] private static partial Regex ReReferral();
    // MARAC re-referrals count repeat domestic abuse cases at the risk conference, not social care re-referrals.
    [GeneratedRegex(@"\bMARAC\b")] private static partial Regex Marac();

    /// <summary>What a percentage in <paramref name="text"/> measures, or null when the words do not say.</summary>
    public static string? Kind(string text, MetricScope scope) =>
        scope == MetricScope.IroService ? IroKind(text) : ReportKind(text);

    /// <summary>On the IRO page every figure is about the IRO service: the words need only say timely or attended.</summary>
    private static string? IroKind(string text) =>
        TimelinessWords().IsMatch(text) ? MetricNames.ReviewTimeliness
        : ParticipationWords().IsMatch(text) ? MetricNames.Participation
        : null;

    /// <summary>
    /// In a report the words must name the subject too. Health assessments are checked before assessments, and
    /// conferences before reviews, because "assessment" and "review" also occur inside those phrases.
    /// </summary>
    private static string? ReportKind(string text)
    {
        var timely = TimelinessWords().IsMatch(text) || ReportTimelinessWords().IsMatch(text);
        if (HealthAssessment().IsMatch(text))
            return timely && InitialHealth().IsMatch(text) ? MetricNames.InitialHealthAssessmentTimeliness : null;
        if (InitialConference().IsMatch(text)) return timely ? MetricNames.InitialConferenceTimeliness : null;
        if (Assessment().IsMatch(text)) return timely ? MetricNames.AssessmentTimeliness : null;
        if (ReReferral().IsMatch(text)) return Marac().IsMatch(text) ? null : MetricNames.ReReferralRate;
        if (!Review().IsMatch(text) || NotAReview().IsMatch(text)) return null;
        return timely ? MetricNames.ReviewTimeliness : ParticipationWords().IsMatch(text) ? MetricNames.Participation : null;
    }
}
