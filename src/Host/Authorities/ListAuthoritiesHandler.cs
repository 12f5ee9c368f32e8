using Marten;
using Tracker.Domain.Common;
using Tracker.Host.Common;
using Tracker.Projections.Authorities;

namespace Tracker.Host.Authorities;

/// <summary>Query message: one page of the register as at a date.</summary>
public sealed record ListAuthorities(string? Region, string Area, string? Grade, bool IncludeDefunct, DateOnly AsOf, DateTimeOffset? KnownAt,
    int Page = 1, int PageSize = Common.Paging.DefaultPageSize);

public sealed record AuthorityPage(int Total, IReadOnlyList<AuthorityRow> Rows);

public static class ListAuthoritiesHandler
{
    public static async Task<AuthorityPage> Handle(ListAuthorities query, IQuerySession session, CancellationToken ct)
    {
        var errors = new Errors();
        if (query.Page < 1) errors.Add("page", "must be 1 or more.");
        if (query.PageSize is < 1 or > ListAuthoritiesEndpoint.MaxPageSize) errors.Add("pageSize", $"must be between 1 and {ListAuthoritiesEndpoint.MaxPageSize}.");
        if (query.Grade is { } g && g != AuthorityRow.Ungraded && !GradeScale.TryParseWire(g, out _))
            errors.Add("grade", "must be outstanding, good, requires_improvement, inadequate or ungraded.");
        errors.ThrowIfAny();

        var (total, rows) = await AuthorityList.PageAsync(session, new AuthorityListQuery(query.Region, query.Area, query.Grade,
            query.IncludeDefunct, query.AsOf, query.KnownAt, query.Page, query.PageSize), ct);
        return new AuthorityPage(total, rows);
    }
}
