namespace Tracker.Host.Common;

/// <summary>
/// The page-size rule every list endpoint shares: no size means the default, and a size above the cap is cut to the
/// cap (never an error, so clients written against a larger cap keep working); a size below 1 is invalid.
/// </summary>
public static class Paging
{
    /// <summary>Large enough that the whole register (about 160 authorities) is one page.</summary>
    public const int DefaultPageSize = 200;
    public const int MaxPageSize = 500;

    public static int Size(int? requested) => requested switch
    {
        null => DefaultPageSize,
        < 1 => throw Tracker.Domain.Common.Rejection.Invalid(new Dictionary<string, string[]> { ["pageSize"] = [$"must be between 1 and {MaxPageSize}."] }),
        > MaxPageSize => MaxPageSize,
        { } size => size,
    };
}
