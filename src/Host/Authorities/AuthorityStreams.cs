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
        if (command.ExpectedVersion is null && IsStreamKey(command.Authority))
        {
            // The DfE code is the stream key: fetch directly and skip the resolve query on the write path.
            var direct = await session.Events.FetchForWriting<Authority>(command.Authority, ct);
            return direct.Aggregate is not null ? direct : throw Rejection.UnknownAuthority(command.Authority);
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

    /// <summary>DfE codes are three digits; URNs are longer, GSS codes start with a letter, slugs with a letter.</summary>
    private static bool IsStreamKey(string token) => token.Length == 3 && token.All(char.IsAsciiDigit);
}
