using Tracker.Domain.Common;

namespace Tracker.Domain.Authorities;

/// <summary>One side of a reorganisation: the other authority, by stream key and name.</summary>
public sealed record LineageLink(string AuthorityId, string Name);

/// <summary>The authority came into being on a date, taking over from its predecessors.</summary>
public sealed record AuthorityFormedFrom(IReadOnlyList<LineageLink> Predecessors, DateOnly EffectiveOn, string Source, Recorded Recorded);

/// <summary>The authority ceased to exist on a date, its children's services passing to its successors.</summary>
public sealed record AuthorityAbolished(IReadOnlyList<LineageLink> Successors, DateOnly EffectiveOn, string Source, Recorded Recorded);
