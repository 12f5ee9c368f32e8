using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using Tracker.Host.Imports;
using Tracker.IntegrationTests.Faults;
using Tracker.IntegrationTests.Imports.Reports;
using Tracker.IntegrationTests.Support;

namespace Tracker.IntegrationTests.Reliability;

/// <summary>
/// Every bulk write path during a hard PostgreSQL stop: <c>POST /api/batches</c> and <c>POST /api/imports</c> (CSV and
/// PDF) answer 503 with Retry-After and a store_unavailable problem, never 500 (nor a 200 that reports nothing written);
/// after the restart the same requests succeed and GradePicture catches up.
/// </summary>
[Collection(ReliabilityCollection.Name)]
[Trait("Category", "Slow")]
public sealed class WritePathOutageTests(ReliabilityFixture fixture)
{
    [Fact]
    public async Task Batches_and_csv_and_pdf_imports_answer_503_during_an_outage_and_succeed_after_it()
    {
        var run = Guid.NewGuid().ToString("N")[..8];
        using var client = fixture.CreateClient();
        var batch = new { commands = new[] { Metric("380", run), Metric("383", run) } };
        var lines = ImportOutageTests.History($"https://example.org/outage-{run}").Csv.Split('\n');
        var csv = string.Join('\n', lines.Take(5)) + "\n"; // the header and two authorities' two reports each
        var pdf = ReportFiles.Bytes("80462-2015-11-27.pdf");
        await fixture.ReadyAsync();

        fixture.Server.Crash();
        try
        {
            await ShouldBeUnavailable(await client.PostAsJsonAsync("/api/batches", batch), "batch");
            await ShouldBeUnavailable(await client.PostAsync("/api/imports", Csv(csv)), "CSV import");
            await ShouldBeUnavailable(await client.PostAsync("/api/imports", Pdf(pdf)), "PDF import");
        }
        finally
        {
            fixture.Server.Restart();
        }
        await fixture.ReadyAsync();

        (await ReliabilityFixture.PostUntilAcknowledgedAsync(client, "/api/batches", batch, TimeSpan.FromSeconds(60))).ShouldBe(HttpStatusCode.Created);
        var imported = await client.PostAsync("/api/imports", Csv(csv));
        imported.StatusCode.ShouldBe(HttpStatusCode.OK, await imported.Content.ReadAsStringAsync());
        (await imported.Content.ReadFromJsonAsync<ImportSummary>(Json.Options))!.Appended.ShouldBe(4);
        var report = await client.PostAsync("/api/imports", Pdf(pdf));
        report.StatusCode.ShouldBe(HttpStatusCode.OK, await report.Content.ReadAsStringAsync());
        await fixture.CaughtUpAsync(TimeSpan.FromSeconds(30));
    }

    private static async Task ShouldBeUnavailable(HttpResponseMessage answer, string what)
    {
        var body = await answer.Content.ReadAsStringAsync();
        answer.StatusCode.ShouldBe(HttpStatusCode.ServiceUnavailable, $"{what} during the outage: {body}");
        answer.Headers.RetryAfter.ShouldNotBeNull($"{what}: a 503 says when to retry");
        answer.Content.Headers.ContentType?.MediaType.ShouldBe("application/problem+json");
        body.ShouldContain("store_unavailable");
    }

    private static object Metric(string authority, string run) => new
    {
        type = "metric", authority,
        fact = new { metric = "iro_review_timeliness", value = 70.5m, unit = "percent",
            period = new { kind = "financial_year", label = "2019-20" }, reportReference = $"https://example.org/batch-{run}" },
    };

    private static StringContent Csv(string csv) => new(csv, Encoding.UTF8, "text/csv");

    private static ByteArrayContent Pdf(byte[] pdf)
    {
        var content = new ByteArrayContent(pdf);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/pdf");
        return content;
    }
}
