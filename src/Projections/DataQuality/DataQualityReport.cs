using Marten;
using Tracker.Domain.DataQuality;
using Tracker.Projections.CurrentGrades;

namespace Tracker.Projections.DataQuality;

/// <summary>One note as the data-quality query answers it: where it is, what it says, and its life so far.</summary>
public sealed record DataQualityRow(
    string AuthorityId,
    string AuthorityName,
    string FactId,
    string? ReportReference,
    DateOnly? PublishedOn,
    string Column,
    string RawValue,
    string Reason,
    string? Detail,
    NoteStatus Status,
    DateTimeOffset RaisedAt,
    string RaisedBy,
    DateTimeOffset? SettledAt,
    string? SettledBy,
    string? Settlement)
{
    public static readonly string[] CsvHeader =
    [
        "authority_id", "authority_name", "fact_id", "report_reference", "published_on", "column", "raw_value", "reason",
        "detail", "status", "raised_at", "raised_by", "settled_at", "settled_by", "settlement",
    ];

    [System.Text.Json.Serialization.JsonIgnore]
    public IReadOnlyList<object?> CsvCells =>
    [
        AuthorityId, AuthorityName, FactId, ReportReference, PublishedOn, Column, RawValue, Reason, Detail,
        Status.ToString().ToLowerInvariant(), RaisedAt, RaisedBy, SettledAt, SettledBy, Settlement,
    ];
}

/// <summary>
/// The data-quality notes of every authority (or one), from the inline standings: only standings that carry notes
/// are read, so the query costs what the notes cost, not what the register does.
/// </summary>
public static class DataQualityReport
{
    public static async Task<IReadOnlyList<DataQualityRow>> QueryAsync(IQuerySession session, string? authorityId,
        string? reason, NoteStatus? status, CancellationToken ct)
    {
        var query = session.Query<AuthorityStanding>().Where(s => s.DataQualityCount > 0);
        if (authorityId is not null) query = query.Where(s => s.Id == authorityId);
        var standings = await query.ToListAsync(ct);
        return standings.OrderBy(s => s.Name, StringComparer.Ordinal)
            .SelectMany(s => s.DataQuality.Select(e => Row(s, e)))
            .Where(r => (reason is null || r.Reason == reason) && (status is null || r.Status == status))
            .OrderBy(r => r.AuthorityName, StringComparer.Ordinal).ThenBy(r => r.PublishedOn).ThenBy(r => r.RaisedAt)
            .ToList();
    }

    private static DataQualityRow Row(AuthorityStanding s, DataQualityEntry e)
    {
        var report = s.Inspections.FirstOrDefault(i => i.FactId == e.FactId);
        return new DataQualityRow(s.Id, s.Name, e.FactId, report?.ReportReference, report?.PublishedOn, e.Column, e.RawValue,
            e.Reason, e.Detail, e.Status, e.RaisedAt, e.RaisedBy, e.SettledAt, e.SettledBy, e.Settlement);
    }
}
