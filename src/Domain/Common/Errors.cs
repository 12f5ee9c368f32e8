namespace Tracker.Domain.Common;

/// <summary>Collects field-level validation errors so a request gets every problem at once.</summary>
public sealed class Errors
{
    private readonly Dictionary<string, List<string>> _byField = new(StringComparer.Ordinal);

    public bool Any => _byField.Count > 0;

    public Errors Add(string field, string message)
    {
        if (!_byField.TryGetValue(field, out var list)) _byField[field] = list = [];
        list.Add(message);
        return this;
    }

    public T? Required<T>(string field, T? value) where T : struct
    {
        if (value is null) Add(field, "is required.");
        return value;
    }

    public string? RequiredText(string field, string? value, int maxLength = 2000)
    {
        if (string.IsNullOrWhiteSpace(value)) Add(field, "is required.");
        else Text(field, value, maxLength);
        return value?.Trim();
    }

    public void Text(string field, string? value, int maxLength = 2000)
    {
        if (value is null) return;
        if (value.Length > maxLength) Add(field, $"must be at most {maxLength} characters.");
        if (value.Any(c => char.IsControl(c) && c is not ('\n' or '\t' or '\r')))
            Add(field, "must not contain control characters.");
    }

    public void NotInFuture(string field, DateOnly? date, DateOnly today)
    {
        if (date is { } d && d > today) Add(field, $"must not be in the future (today is {today:yyyy-MM-dd}).");
    }

    public void InOrder(string earlierField, DateOnly? earlier, string laterField, DateOnly? later)
    {
        if (earlier is { } e && later is { } l && l < e) Add(laterField, $"must not be before {earlierField}.");
    }

    public void ThrowIfAny()
    {
        if (Any) throw Rejection.Invalid(_byField.ToDictionary(kv => kv.Key, kv => kv.Value.ToArray()));
    }
}
