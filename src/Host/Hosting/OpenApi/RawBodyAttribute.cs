namespace Tracker.Host.Hosting.OpenApi;

/// <summary>
/// An endpoint that reads its body itself (no bound parameter), in these media types: the OpenAPI document has no
/// other way of knowing it takes a body at all.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class RawBodyAttribute(params string[] mediaTypes) : Attribute
{
    public IReadOnlyList<string> MediaTypes { get; } = mediaTypes;
}
