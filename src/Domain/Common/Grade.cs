using System.Text.Json.Serialization;

namespace Tracker.Domain.Common;

/// <summary>A judgement on Ofsted's four-point scale, or an explicit reason there is none. Never a bare null.</summary>
public enum Grade
{
    [JsonStringEnumMemberName("outstanding")] Outstanding,
    [JsonStringEnumMemberName("good")] Good,
    [JsonStringEnumMemberName("requires_improvement")] RequiresImprovement,
    [JsonStringEnumMemberName("inadequate")] Inadequate,
    [JsonStringEnumMemberName("not_applicable")] NotApplicable,
    [JsonStringEnumMemberName("not_reported")] NotReported,
    [JsonStringEnumMemberName("unknown")] Unknown,
    /// <summary>The third point of the scale before SIF replaced it with requires improvement (November 2013).</summary>
    [JsonStringEnumMemberName("adequate")] Adequate,
}

public static class GradeScale
{
    public static bool IsGraded(this Grade grade) => grade <= Grade.Inadequate || grade == Grade.Adequate;

    /// <summary>Higher is better; only meaningful for graded values.</summary>
    public static int Rank(this Grade grade) => grade switch
    {
        Grade.Outstanding => 4,
        Grade.Good => 3,
        Grade.RequiresImprovement or Grade.Adequate => 2,
        Grade.Inadequate => 1,
        _ => 0,
    };

    public static string ToWire(this Grade grade) => grade switch
    {
        Grade.Outstanding => "outstanding",
        Grade.Good => "good",
        Grade.RequiresImprovement => "requires_improvement",
        Grade.Inadequate => "inadequate",
        Grade.NotApplicable => "not_applicable",
        Grade.NotReported => "not_reported",
        Grade.Adequate => "adequate",
        _ => "unknown",
    };

    public static bool TryParseWire(string? text, out Grade grade)
    {
        foreach (var candidate in Enum.GetValues<Grade>())
        {
            if (candidate.ToWire() == text)
            {
                grade = candidate;
                return true;
            }
        }
        grade = Grade.Unknown;
        return false;
    }
}
