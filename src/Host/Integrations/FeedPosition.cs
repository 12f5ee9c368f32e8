using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Tracker.Host.Integrations;

/// <summary>
/// A CloudEvent's place in the feed: the stored event's global sequence plus a sub-position, because one stored event
/// can publish two CloudEvents (an inspection and its grade change) and a client must be able to resume between them.
/// Written as 20 zero-padded digits (the sub-position 0 adds nothing; 1 adds ".1"), so positions sort as text exactly
/// as they sort as numbers: <c>…412</c> &lt; <c>…412.1</c> &lt; <c>…413</c>.
/// </summary>
[JsonConverter(typeof(FeedPositionJsonConverter))]
public readonly record struct FeedPosition(long Sequence, int Sub) : IComparable<FeedPosition>
{
    /// <summary>The grade change derived from a stored event; the last sub-position a stored event can have.</summary>
    public const int GradeChange = 1;

    private const int Digits = 20;

    /// <summary>The cursor after everything a stored event published, whatever it was.</summary>
    public static FeedPosition AfterAllOf(long sequence) => new(sequence, GradeChange);

    /// <summary>The stored sequences already read in full when resuming after this position.</summary>
    public long FullyRead => Sub >= GradeChange ? Sequence : Sequence - 1;

    public int CompareTo(FeedPosition other) =>
        Sequence != other.Sequence ? Sequence.CompareTo(other.Sequence) : Sub.CompareTo(other.Sub);

    public static bool operator >(FeedPosition a, FeedPosition b) => a.CompareTo(b) > 0;
    public static bool operator <(FeedPosition a, FeedPosition b) => a.CompareTo(b) < 0;

    public override string ToString()
    {
        var sequence = Sequence.ToString("D" + Digits, CultureInfo.InvariantCulture);
        return Sub == 0 ? sequence : $"{sequence}.{Sub}";
    }

    /// <summary>Accepts a plain number (<c>412</c>, what clients stored before positions were padded), the padded form,
    /// and a padded form with a sub-position (<c>…412.1</c>).</summary>
    public static bool TryParse(string? text, out FeedPosition position)
    {
        position = default;
        if (string.IsNullOrWhiteSpace(text) || text.Length > Digits + 3) return false;
        var dot = text.IndexOf('.');
        var sub = 0;
        if (dot >= 0 && !(int.TryParse(text.AsSpan(dot + 1), NumberStyles.None, CultureInfo.InvariantCulture, out sub)
                          && sub <= GradeChange))
            return false;
        var digits = dot >= 0 ? text.AsSpan(0, dot) : text.AsSpan();
        if (!long.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out var sequence)) return false;
        position = new FeedPosition(sequence, sub);
        return true;
    }
}

public static class FeedPositionText
{
    public static string Expected(string name) =>
        $"{name} must be a feed position: a sequence number (412), padded (00000000000000000412) or with its sub-position (…412.1).";
}

/// <summary>Writes a position as its padded string; reads the string or, from older clients, a JSON number.</summary>
public sealed class FeedPositionJsonConverter : JsonConverter<FeedPosition>
{
    public override FeedPosition Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType == JsonTokenType.Number) return new FeedPosition(reader.GetInt64(), 0);
        return FeedPosition.TryParse(reader.GetString(), out var position)
            ? position
            : throw new JsonException("A feed position is a sequence number, optionally followed by .1.");
    }

    public override void Write(Utf8JsonWriter writer, FeedPosition value, JsonSerializerOptions options) =>
        writer.WriteStringValue(value.ToString());
}
