using Wolverine.Attributes;

namespace Tracker.Host.Integrations;

/// <summary>
/// The message .NET subscribers receive over a Wolverine transport: the CloudEvent exactly as the feed serves it.
/// A subscriber declares a type with the same message identity (see docs/integrations.md).
/// </summary>
[MessageIdentity("tracker.cloudevent.v1")]
public sealed record TransportEvent(string CloudEvent);
