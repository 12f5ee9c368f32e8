using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Options;

namespace Tracker.Host.Common;

/// <summary>How reads answer: JSON with a content ETag (304 on a matching If-None-Match), or CSV when the caller asks for it.</summary>
public static class ReadResults
{
    public static bool WantsCsv(HttpContext http) =>
        http.Request.GetTypedHeaders().Accept.Any(a => a.MediaType.Equals("text/csv", StringComparison.OrdinalIgnoreCase));

    /// <summary>The ETag hashes the answer itself, so it changes exactly when the answer for these asOf/knownAt values does.</summary>
    public static IResult Json<T>(HttpContext http, T body)
    {
        var options = http.RequestServices.GetRequiredService<IOptions<JsonOptions>>().Value.SerializerOptions;
        var bytes = JsonSerializer.SerializeToUtf8Bytes(body, options);
        var etag = $"\"{Convert.ToHexStringLower(SHA256.HashData(bytes))[..32]}\"";
        http.Response.Headers.ETag = etag;
        http.Response.Headers.Vary = "Accept";
        if (http.Request.Headers.IfNoneMatch.Any(v => v is not null && v.Split(',').Any(t => t.Trim() == etag || t.Trim() == "*")))
            return Results.StatusCode(StatusCodes.Status304NotModified);
        return Results.Bytes(bytes, "application/json; charset=utf-8");
    }

    public static IResult Csv(HttpContext http, string fileName, IReadOnlyList<string> header, IEnumerable<IReadOnlyList<object?>> rows)
    {
        http.Response.Headers.ContentDisposition = $"attachment; filename=\"{fileName}\"";
        http.Response.Headers.Vary = "Accept";
        return Results.Text(CsvWriter.Write(header, rows), "text/csv; charset=utf-8");
    }
}
