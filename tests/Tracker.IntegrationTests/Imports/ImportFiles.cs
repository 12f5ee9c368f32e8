using Alba;
using Tracker.Host.Imports;
using Tracker.IntegrationTests.Support;

namespace Tracker.IntegrationTests.Imports;

/// <summary>The shipped sources, and posting them to the import endpoint.</summary>
public static class ImportFiles
{
    public const string CompleteHistoryPath = "data/sources/ofsted-csc-inspections-history.csv";
    public static string CompleteHistory => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, CompleteHistoryPath));
    public static string History => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "data/sources/ofsted-csc-inspections-sample.csv"));
    public static string Page => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "data/sources/sif-iro-summary-page.txt"));

    public static async Task<ImportSummary> ImportAsync(this IAlbaHost host, string body, string contentType)
    {
        var result = await host.Scenario(s =>
        {
            s.Post.Text(body).ToUrl("/api/imports");
            s.WithRequestHeader("Content-Type", contentType);
            s.StatusCodeShouldBeOk();
        });
        return await result.Read<ImportSummary>();
    }
}
