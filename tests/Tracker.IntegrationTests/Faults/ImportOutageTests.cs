using System.Text;
using Marten;
using Tracker.Domain.Inspections;
using Tracker.Host.Imports;
using Tracker.IntegrationTests.Support;

namespace Tracker.IntegrationTests.Faults;

/// <summary>A bulk import interrupted by a PostgreSQL crash completes when rerun, with the exact number of events.</summary>
[Collection(OutageCollection.Name)]
[Trait("Category", "Slow")]
public sealed class ImportOutageTests(OutageFixture fixture)
{
    private const string Header = "urn,local_authority,inspection_link,pdf_filename,publication_date,inspection_framework,inspector_name," +
                                  "inspection_start_date,inspection_end_date,overall_effectiveness_grade,impact_of_leaders_grade," +
                                  "help_and_protection_grade,in_care_grade,care_leavers_grade,parser_version";

    [Fact]
    public async Task PostgreSQL_crashing_in_the_middle_of_an_import_loses_and_duplicates_nothing_once_the_import_is_rerun()
    {
        var prefix = $"https://example.org/outage-{Guid.NewGuid():N}"[..40];
        var (csv, rows) = History(prefix);
        // Small chunks, so the ~150 authorities commit many times and the crash lands between commits.
        var importer = new Importer(fixture.Store, TimeProvider.System, new ImportOptions(AuthoritiesPerChunk: 4));

        var first = Task.Run(() => importer.ImportAsync(csv, null, _ => { }, CancellationToken.None));
        await Until(async () => await Imported(prefix) > 0 || first.IsCompleted, "the import to start writing");
        fixture.Server.Crash();
        try
        {
            (await Xunit.Record.ExceptionAsync(() => first)).ShouldNotBeNull("the crash must interrupt the import, or this test proves nothing");
        }
        finally
        {
            fixture.Server.Restart();
        }

        var partial = await EventuallyImported(prefix);
        partial.ShouldBeLessThan(rows);
        var rerun = await importer.ImportAsync(csv, null, _ => { }, CancellationToken.None);

        rerun.Rejected.ShouldBeEmpty();
        (await Imported(prefix)).ShouldBe(rows);
        (await importer.ImportAsync(csv, null, _ => { }, CancellationToken.None)).Appended.ShouldBe(0);
    }

    /// <summary>Two ILACS 2023 reports for every current authority: about 300 rows over ~150 authorities.</summary>
    internal static (string Csv, int Rows) History(string prefix)
    {
        var urns = File.ReadLines(Path.Combine(AppContext.BaseDirectory, "data", "reference", "la-lookup.csv")).Skip(1)
            .Select(l => l.Split(',')[0].Trim('\uFEFF')).Where(u => u.All(char.IsAsciiDigit) && u is not ("135513" or "121939" or "137316"))
            .ToList();
        var csv = new StringBuilder(Header).Append('\n');
        var rows = 0;
        foreach (var urn in urns)
            foreach (var (published, start, end) in new[] { ("01/03/24", "08/01/2024", "19/01/2024"), ("03/03/25", "06/01/2025", "17/01/2025") })
            {
                csv.Append($"{urn},x,{prefix}/{urn}/{published.Replace('/', '-')},r.pdf,{published},standard,Inspector,{start},{end},good,good,good,good,good,1\n");
                rows++;
            }
        return (csv.ToString(), rows);
    }

    private async Task<int> Imported(string prefix)
    {
        try
        {
            await using var session = fixture.Store.QuerySession();
            var events = await session.Events.QueryRawEventDataOnly<InspectionRecorded>().ToListAsync();
            var ours = events.Where(e => e.Details.ReportReference.StartsWith(prefix, StringComparison.Ordinal)).ToList();
            ours.Select(e => e.Details.ReportReference).ShouldBeUnique();
            return ours.Count;
        }
        catch (Npgsql.NpgsqlException)
        {
            return -1; // the server is down
        }
    }

    private async Task<int> EventuallyImported(string prefix)
    {
        for (var i = 0; i < 300; i++)
        {
            if (await Imported(prefix) is var count and >= 0) return count;
            await Task.Delay(100);
        }
        throw new TimeoutException("The database did not come back.");
    }

    private static async Task Until(Func<Task<bool>> condition, string what)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (!await condition())
        {
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"Timed out waiting for {what}.");
            await Task.Delay(10);
        }
    }
}
