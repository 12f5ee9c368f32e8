using Microsoft.AspNetCore.Mvc;
using Microsoft.Net.Http.Headers;
using Tracker.Host.Hosting.OpenApi;
using Wolverine.Http;

namespace Tracker.Host.Imports;

public static class ImportEndpoint
{
    /// <summary>
    /// Import the official inspection history (text/csv), the IRO summary page (text/plain) or one report file
    /// (application/pdf, with ?publishedOn=yyyy-MM-dd and ?reportReference= for what page 1 does not print); answers the
    /// import summary. Limits: 100 MB for text/csv (Tracker:Limits:MaxImportBodyBytes), 5 MB for text/plain, 20 MB for
    /// application/pdf; a larger body is a 413, and nothing of it is imported.
    /// </summary>
    [RawBody("text/csv", "text/plain", "application/pdf")]
    [WolverinePost("/api/imports", OperationId = "Import")]
    [ProducesResponseType(typeof(ImportSummary), 200, "application/json")]
    [ProducesResponseType(typeof(ValidationProblemDetails), 400, "application/problem+json")]
    [ProducesResponseType(typeof(ProblemDetails), 413, "application/problem+json")]
    [ProducesResponseType(typeof(ProblemDetails), 415, "application/problem+json")]
    [ProducesResponseType(typeof(ProblemDetails), 422, "application/problem+json")]
    public static async Task<IResult> Post(HttpContext http, Importer importer, Marten.IDocumentStore store, TimeProvider clock,
        IConfiguration configuration, string? publishedOn, string? reportReference)
    {
        var mediaType = MediaTypeHeaderValue.TryParse(http.Request.ContentType, out var parsed) ? parsed.MediaType.Value?.ToLowerInvariant() : null;
        string? expected = mediaType switch
        {
            "text/csv" => ImportFormats.InspectionHistory,
            "text/plain" => null,
            "application/pdf" => Reports.ReportImport.Format,
            _ => "unsupported",
        };
        if (expected == "unsupported")
            return Problem(415, "Unsupported media type", $"Send the history CSV as text/csv, the IRO summary page as text/plain or a report as application/pdf, not '{http.Request.ContentType}'.", "unsupported_media_type");
        var limits = ImportLimits.From(configuration);
        var limit = expected == Reports.ReportImport.Format ? limits.Pdf : expected is null ? limits.Page : limits.Csv;
        if (http.Request.ContentLength > limit) return TooLarge(limit);
        if (expected == Reports.ReportImport.Format)
            return await ReportAsync(http, store, clock, publishedOn, reportReference, limit);

        // Spooled to disk first: memory stays flat, and a body that turns out too large (or cut off) imports nothing.
        await using var spool = await ImportSpool.SpoolAsync(http.Request.Body, limit, http.RequestAborted);
        if (spool is null) return TooLarge(limit);
        using var reader = new StreamReader(spool, System.Text.Encoding.UTF8, detectEncodingFromByteOrderMarks: true,
            bufferSize: 1 << 16);
        return Results.Ok(await importer.ImportAsync(reader, expected, _ => { }, http.RequestAborted));
    }

    /// <summary>A refused report wrote nothing: 413 when it is over the size limit, else 422 with the reason.</summary>
    private static async Task<IResult> ReportAsync(HttpContext http, Marten.IDocumentStore store, TimeProvider clock, string? publishedOn,
        string? reportReference, long limit)
    {
        var hints = Reports.ReportHints.Parse(publishedOn, reportReference);
        // The PDF reader reads synchronously, which Kestrel refuses (500; the in-process test server allows it): the
        // body is taken asynchronously first, up to just past the limit, enough for the reader to refuse it as too large.
        using var body = new MemoryStream();
        var chunk = new byte[81920];
        int n;
        while (body.Length <= limit && (n = await http.Request.Body.ReadAsync(chunk, http.RequestAborted)) > 0)
            body.Write(chunk, 0, n);
        body.Position = 0;
        var (outcome, summary) = await Reports.ReportImport.ImportStreamAsync(store, "upload.pdf", body, hints,
            limit, clock, http.RequestAborted);
        return outcome switch
        {
            { FileProblem: Reports.RefusalReason.TooLarge } => Problem(413, "Report too large", outcome.Refused!, "payload_too_large"),
            { Refused: { } why } => Problem(422, "Report refused", why, "report_refused"),
            _ => Results.Ok(summary),
        };
    }

    private static IResult TooLarge(long limit) =>
        Problem(413, "Import too large", $"An import of this content type may be at most {ImportLimits.Describe(limit)}.",
            "payload_too_large");

    private static IResult Problem(int status, string title, string detail, string code) =>
        Results.Problem(detail, statusCode: status, title: title, extensions: new Dictionary<string, object?> { ["code"] = code });
}
