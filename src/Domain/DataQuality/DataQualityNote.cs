using System.Text.Json.Serialization;

namespace Tracker.Domain.DataQuality;

/// <summary>
/// What a source said that Tracker could not take as it stood: the cell (or field) and its raw text, why, and what
/// was kept instead. The fact keeps everything else the source said; the odd value is never guessed.
/// </summary>
/// <remarks><see cref="Area"/> names what the note is about (a judgement area, "kind", "dates" or "framework"), so
/// that a later source filling it can settle the note.</remarks>
public sealed record DataQualityNote(string Column, string RawValue, string Reason, string? Detail = null, string? Area = null)
{
    /// <summary>Two notes are the same note when they flag the same cell for the same reason with the same text.</summary>
    public string Key => $"{Column}|{Reason}|{RawValue}";

    public const string KindArea = "kind";
    public const string DatesArea = "dates";
    public const string FrameworkArea = "framework";
}

/// <summary>Why a note was raised. The codes are part of the API (`GET /api/data-quality?reason=`).</summary>
public static class DataQualityReasons
{
    /// <summary>The cell holds neither a grade nor a sentinel the source is known to use; the area is unknown.</summary>
    public const string UnrecognisedValue = "unrecognised_value";
    /// <summary>The cell grades an area the report's framework does not have; the area it maps to is unknown.</summary>
    public const string AreaNotInFramework = "area_not_in_framework";
    /// <summary>The value is one the report's framework could not produce (e.g. an overall grade after April 2026).</summary>
    public const string NotPossibleInFramework = "not_possible_in_framework";
    /// <summary>The source names no framework and its date falls where more than one ran; the framework was inferred.</summary>
    public const string FrameworkInferred = "framework_inferred";
    /// <summary>The source dates the report before SIF and names no framework; only the overall area is kept, unknown.</summary>
    public const string FrameworkNotStated = "framework_not_stated";
    /// <summary>A fieldwork date is blank or unreadable while the other is given; only the publication date is kept.</summary>
    public const string IncompleteDates = "incomplete_dates";
    /// <summary>Two sources disagree on a value that is known; nothing changes until a user settles it.</summary>
    public const string Conflict = "conflict";
    /// <summary>A report file's text does not give this value in a form Tracker can read; it is unknown.</summary>
    public const string NotReadable = "not_readable";

    public static readonly string[] All =
    [
        UnrecognisedValue, AreaNotInFramework, NotPossibleInFramework, FrameworkInferred, FrameworkNotStated,
        IncompleteDates, Conflict, NotReadable,
    ];
}

/// <summary>Whether a note still stands.</summary>
public enum NoteStatus
{
    [JsonStringEnumMemberName("open")] Open,
    /// <summary>A later version of the fact no longer carries the note: a correction settled the cell.</summary>
    [JsonStringEnumMemberName("resolved")] Resolved,
    /// <summary>The fact itself was withdrawn.</summary>
    [JsonStringEnumMemberName("withdrawn")] Withdrawn,
}
