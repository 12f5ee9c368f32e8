using System.Text.Json.Serialization;

namespace Tracker.Domain.Common;

/// <summary>The shape of a full inspection: ILACS short or standard, a re-inspection, or not stated by the source.</summary>
public enum InspectionKind
{
    [JsonStringEnumMemberName("standard")] Standard,
    [JsonStringEnumMemberName("short")] Short,
    [JsonStringEnumMemberName("re_inspection")] ReInspection,
    [JsonStringEnumMemberName("unknown")] Unknown,
}
