using Alba;
using Tracker.Host.Imports;
using Tracker.IntegrationTests.Support;

namespace Tracker.IntegrationTests.Imports.Reports;

/// <summary>Posting report files to the import endpoint, as a client would.</summary>
public static class ReportUploads
{
    public static async Task<ImportSummary> PostReportAsync(this IAlbaHost host, byte[] pdf, string? query = null)
    {
        var result = await host.Scenario(s =>
        {
            s.IgnoreStatusCode();
            var request = s.Post.ByteArray(pdf).ToUrl("/api/imports");
            foreach (var pair in query?.Split('&') ?? [])
                request.QueryString(pair.Split('=', 2)[0], Uri.UnescapeDataString(pair.Split('=', 2)[1]));
            s.WithRequestHeader("Content-Type", "application/pdf");
        });
        if (result.Context.Response.StatusCode != 200) throw new ShouldAssertException(
            $"POST /api/imports answered {result.Context.Response.StatusCode}: {await result.ReadAsTextAsync()}");
        return await result.Read<ImportSummary>();
    }

    public static async Task<Problem> PostRefusedReportAsync(this IAlbaHost host, byte[] body, int status)
    {
        var result = await host.Scenario(s =>
        {
            s.Post.ByteArray(body).ToUrl("/api/imports");
            s.WithRequestHeader("Content-Type", "application/pdf");
            s.StatusCodeShouldBe(status);
            s.ContentTypeShouldBe("application/problem+json");
        });
        return await result.Read<Problem>();
    }

    /// <summary>The shared folder of all 43 sample reports, beside the repository (CI lays it there too).</summary>
    public static string SharedFolder()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Tracker.sln"))) dir = dir.Parent;
        var folder = Path.GetFullPath(Path.Combine(dir!.FullName, "../shared/data/reports"));
        Directory.Exists(folder).ShouldBeTrue($"the sample reports are expected at {folder} (the project's shared folder)");
        return folder;
    }
}
