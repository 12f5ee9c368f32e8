using Marten;
using Tracker.Domain.Inspections;
using Tracker.Projections;
using Tracker.IntegrationTests.Support;

namespace Tracker.IntegrationTests.Faults;

/// <summary>The `import` command killed with SIGKILL midway: a rerun completes with the exact number of events.</summary>
[Collection(OutageCollection.Name)]
[Trait("Category", "Slow")]
public sealed class ImportKillTests(OutageFixture fixture)
{
    [Fact]
    public async Task An_import_killed_with_SIGKILL_midway_completes_when_rerun_with_the_exact_count()
    {
        var connection = await TestDatabase.SiblingDatabaseAsync(fixture.Server.ConnectionString, "importkill");
        var prefix = $"https://example.org/killed-{Guid.NewGuid():N}"[..40];
        var (csv, rows) = ImportOutageTests.History(prefix);
        var file = Path.Combine(Path.GetTempPath(), $"tracker-import-{Guid.NewGuid():N}.csv");
        await File.WriteAllTextAsync(file, csv);
        // Reads only: the import command owns the schema.
        using var store = DocumentStore.For(o =>
        {
            o.Connection(connection);
            o.ConfigureTracker();
            o.AutoCreateSchemaObjects = JasperFx.AutoCreate.None;
        });
        try
        {
            await using (var first = HostProcess.StartCommand(connection, "import", file))
            {
                var deadline = DateTime.UtcNow.AddMinutes(2);
                while (await Imported(store, prefix) == 0 && !first.HasExited)
                {
                    if (DateTime.UtcNow > deadline) throw new TimeoutException("The import wrote nothing within 2 minutes.");
                    await Task.Delay(10);
                }
                first.HasExited.ShouldBeFalse("the import finished before it could be killed, so this test proves nothing");
                await first.KillAsync(entireProcessTree: false);
            }
            var partial = await Imported(store, prefix);
            partial.ShouldBeLessThan(rows);

            var output = await HostProcess.RunCommandAsync(connection, "import", file);
            output.ShouldContain($"{rows - partial} events appended");
            (await Imported(store, prefix)).ShouldBe(rows);
        }
        finally
        {
            File.Delete(file);
        }
    }

    private static async Task<int> Imported(IDocumentStore store, string prefix)
    {
        try
        {
            await using var session = store.QuerySession();
            var events = await session.Events.QueryRawEventDataOnly<InspectionRecorded>().ToListAsync();
            var ours = events.Select(e => e.Details.ReportReference).Where(r => r.StartsWith(prefix, StringComparison.Ordinal)).ToList();
            ours.ShouldBeUnique();
            return ours.Count;
        }
        catch (Exception e) when (e is Npgsql.PostgresException or Marten.Exceptions.MartenCommandException)
        {
            return 0; // the command has not created the schema yet
        }
    }
}
