using Microsoft.Net.Http.Headers;
using Wolverine.Http;

namespace Tracker.Host.Imports;

public static class ImportEndpoint
{
    /// <summary>Large enough for the complete history (~500 rows, ~150 KB) many times over; anything bigger is not one of our sources.</summary>
    public const int MaxBytes = 5 * 1024 * 1024;

    /// <summary>Import the official inspection history (text/csv) or the IRO summary page (text/plain); answers the import summary.</summary>
    [WolverinePost("/api/imports")]
    public static async Task<IResult> Post(HttpContext http, Importer importer)
    {
        var mediaType = MediaTypeHeaderValue.TryParse(http.Request.ContentType, out var parsed) ? parsed.MediaType.Value?.ToLowerInvariant() : null;
        string? expected = mediaType switch
        {
            "text/csv" => ImportFormats.InspectionHistory,
            "text/plain" => null,
            _ => "unsupported",
        };
        if (expected == "unsupported")
            return Problem(415, "Unsupported media type", $"Send the history CSV as text/csv or the IRO summary page as text/plain, not '{http.Request.ContentType}'.", "unsupported_media_type");
        if (http.Request.ContentLength > MaxBytes)
            return TooLarge();

        var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int n;
        while ((n = await http.Request.Body.ReadAsync(chunk, http.RequestAborted)) > 0)
        {
            if (buffer.Length + n > MaxBytes) return TooLarge();
            buffer.Write(chunk, 0, n);
        }
        var text = System.Text.Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
        return Results.Ok(await importer.ImportAsync(text, expected, _ => { }, http.RequestAborted));
    }

    private static IResult TooLarge() =>
        Problem(413, "Import too large", $"An import may be at most {MaxBytes / (1024 * 1024)} MB.", "payload_too_large");

    private static IResult Problem(int status, string title, string detail, string code) =>
        Results.Problem(detail, statusCode: status, title: title, extensions: new Dictionary<string, object?> { ["code"] = code });
}
