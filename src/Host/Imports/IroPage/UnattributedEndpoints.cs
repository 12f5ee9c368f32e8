using Microsoft.AspNetCore.Mvc;
using Marten;
using Tracker.Domain.Common;
using Tracker.Host.Authorities;
using Wolverine.Http;
using Tracker.Projections.Authorities;

namespace Tracker.Host.Imports.IroPage;

public sealed record HeldSection(string Id, int Line, SectionStatus Status, string? Heading, string? ProposedAuthority, string? Reason,
    int Findings, IReadOnlyList<string> Metrics, string? FirstFinding, IReadOnlyList<string> Notes);

public sealed record AttributeSection(string? Authority);

public sealed record AttributionResult(string Id, string Authority, SectionStatus Status, int Appended, int DuplicatesSkipped, IReadOnlyList<ImportRejection> Rejected);

public static class UnattributedEndpoints
{
    /// <summary>Sections of the IRO page held back: unnamed, unmatched or suspect, in page order.</summary>
    [WolverineGet("/api/imports/unattributed", OperationId = "ListUnattributedSections")]
    public static async Task<IReadOnlyList<HeldSection>> List(IQuerySession query, CancellationToken ct)
    {
        var held = await query.Query<ImportedSection>().Where(d => d.Status != SectionStatus.Attributed).ToListAsync(ct);
        return held.OrderBy(d => d.Section.Line).Select(d => new HeldSection(d.Id, d.Section.Line, d.Status, d.Section.Heading, d.AuthorityId, d.Reason,
            d.Section.Findings.Count, d.Section.Metrics.Select(m => $"{m.Metric} {m.Value?.ToString() ?? $"{m.Low}-{m.High}"} {m.Unit} ({m.ValidPeriod().Label})").ToList(),
            d.Section.Findings.FirstOrDefault()?.Quote, d.Section.Notes)).ToList();
    }

    /// <summary>Say whose a held section is (any authority code or slug); only now are its findings and metrics appended.</summary>
    [WolverinePost("/api/imports/unattributed/{id}/attribute", OperationId = "AttributeSection")]
    [ProducesResponseType(typeof(ValidationProblemDetails), 400, "application/problem+json")]
    [ProducesResponseType(typeof(ProblemDetails), 404, "application/problem+json")]
    [ProducesResponseType(typeof(ProblemDetails), 409, "application/problem+json")]
    public static async Task<AttributionResult> Attribute(string id, AttributeSection? body, IDocumentStore store, TimeProvider clock, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(body?.Authority))
            throw Rejection.Invalid(new Dictionary<string, string[]> { ["authority"] = ["is required: any authority code or slug."] });

        ImportedSection doc;
        string authorityId;
        await using (var query = store.QuerySession())
        {
            doc = await query.LoadAsync<ImportedSection>(id, ct)
                  ?? throw new Rejection(RejectionKind.NotFound, "Unknown section", $"No imported IRO page section has id '{id}'.");
            authorityId = await AuthorityKeys.ResolveAsync(query, body.Authority, ct) ?? throw Rejection.UnknownAuthority(body.Authority);
        }
        if (doc.Status == SectionStatus.Attributed && doc.AuthorityId != authorityId)
            throw Rejection.Conflict("Section already attributed",
                $"Section {id} is recorded on {doc.AuthorityId}. Withdraw its facts there (POST /api/authorities/{doc.AuthorityId}/corrections) before attributing it elsewhere.");

        var recorded = new Recorded(PageImporter.RecordedBy + ":attributed", clock.GetUtcNow());
        // The user's word settles a suspect section: what the cross-check withdrew counts again.
        var commands = SectionCommands.Block(doc.Section, authorityId, $"IRO page section {id} attributed by {recorded.By}").ToList();
        // An unmatched heading's grade belongs to the authority the user names; a matched heading's grade was recorded already.
        if (doc.Status == SectionStatus.Unmatched && SectionCommands.Inspection(doc.Section, authorityId) is { } inspection) commands.Insert(0, inspection);

        var (appended, duplicates, rejected) = await PageImporter.WriteAsync(store, new() { [authorityId] = commands }, recorded, ct);
        (doc.Status, doc.AuthorityId, doc.AttributedBy, doc.Reason, doc.Appended) = (SectionStatus.Attributed, authorityId, "user", null, true);
        await using (var session = store.LightweightSession())
        {
            session.Store(doc);
            await session.SaveChangesAsync(ct);
        }
        return new AttributionResult(id, authorityId, doc.Status, appended, duplicates, rejected);
    }
}
