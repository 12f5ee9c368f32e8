using Marten;
using JasperFx.Events;
using Tracker.Domain.Authorities;
using Tracker.Domain.Common;

namespace Tracker.Host.Authorities;

/// <summary>Resolves any of an authority's identifiers to its stream key, and opens the stream for a guarded write.</summary>
public static class AuthorityStreams
{
    /// <summary>Accepts the DfE code (380), GSS code (E08000032), Ofsted URN (80449) or name slug (bradford).</summary>
    public static async Task<string?> ResolveAsync(IQuerySession session, string token, CancellationToken ct)
    {
        var text = token.Trim();
        if (text.Length is 0 or > 100) return null;
        var upper = text.ToUpperInvariant();
        var lower = text.ToLowerInvariant();
        return await session.Query<Authority>()
            .Where(a => a.Id == text || a.Urn == text || a.GssCode == upper || a.Slug == lower)
            .Select(a => a.Id)
            .FirstOrDefaultAsync(ct);
    }

    public static async Task<Authority?> LoadAsync(IQuerySession session, string token, CancellationToken ct) =>
        await ResolveAsync(session, token, ct) is { } id ? await session.LoadAsync<Authority>(id, ct) : null;

    public static async Task<IEventStream<Authority>> FetchForWritingAsync(IDocumentSession session, IAuthorityCommand command, CancellationToken ct)
    {
        if (command.ExpectedVersion is null && LooksLikeStreamKey(command.Authority))
        {
            // Most writers address the stream key (the DfE code): fetch directly and skip the resolve query. A miss
            // costs one extra read and falls through to the resolve, so a URN or slug that looks like a key still works.
            var direct = await session.Events.FetchForWriting<Authority>(command.Authority, ct);
            if (direct.Aggregate is not null) return direct;
        }
        var id = await ResolveAsync(session, command.Authority, ct) ?? throw Rejection.UnknownAuthority(command.Authority);
        if (command.ExpectedVersion is not { } expected) return await session.Events.FetchForWriting<Authority>(id, ct);
        try
        {
            return await session.Events.FetchForWriting<Authority>(id, expected, ct);
        }
        catch (JasperFx.ConcurrencyException)
        {
            // A stale version stays stale: reject now rather than let the retry policy try again.
            throw Rejection.StaleVersion(id, expected);
        }
    }

    /// <summary>Stream keys are DfE codes (three digits) or, for other inspected bodies, short codes without spaces or lowercase.</summary>
    public static bool LooksLikeStreamKey(string token) =>
        token.Length is > 0 and <= 20 && token.All(c => char.IsAsciiDigit(c) || char.IsAsciiLetterUpper(c));
}
