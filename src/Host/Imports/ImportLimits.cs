namespace Tracker.Host.Imports;

/// <summary>
/// The size each kind of upload to <c>POST /api/imports</c> may have. The history CSV may be large (the full history
/// is about 150 KB today, a million rows about 300 MB) and is spooled to a temporary file, so memory stays flat
/// whatever its size; the IRO page is parsed whole, so it is kept small; a report PDF is read by the PDF reader.
/// </summary>
public sealed record ImportLimits(long Csv, long Page, long Pdf)
{
    public const long DefaultCsv = 100L * 1024 * 1024;
    public const long DefaultPage = 5L * 1024 * 1024;

    public static ImportLimits From(IConfiguration configuration)
    {
        var csv = configuration.GetValue("Tracker:Limits:MaxImportBodyBytes", DefaultCsv);
        return new(csv, Math.Min(DefaultPage, csv), Math.Min(Reports.ReportFile.DefaultMaxBytes, csv));
    }

    public static string Describe(long bytes) =>
        bytes % (1024 * 1024) == 0 ? $"{bytes / (1024 * 1024)} MB" : $"{bytes} bytes";
}

/// <summary>Copies a request body to a temporary file (deleted when closed), refusing it once it passes the limit.</summary>
public static class ImportSpool
{
    /// <summary>The spooled body, at its start, or null when the body is larger than <paramref name="limit"/>.</summary>
    public static async Task<FileStream?> SpoolAsync(Stream body, long limit, CancellationToken ct)
    {
        var spool = new FileStream(Path.Combine(Path.GetTempPath(), $"tracker-import-{Guid.NewGuid():N}.tmp"),
            FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, 1 << 16,
            FileOptions.DeleteOnClose | FileOptions.Asynchronous);
        try
        {
            var buffer = new byte[1 << 16];
            long total = 0;
            int n;
            while ((n = await body.ReadAsync(buffer, ct)) > 0)
            {
                total += n;
                if (total > limit)
                {
                    await spool.DisposeAsync();
                    return null;
                }
                await spool.WriteAsync(buffer.AsMemory(0, n), ct);
            }
            await spool.FlushAsync(ct);
            spool.Position = 0;
            return spool;
        }
        catch
        {
            await spool.DisposeAsync();
            throw;
        }
    }
}
