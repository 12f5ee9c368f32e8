using Marten;
using Microsoft.Extensions.Logging.Abstractions;
using Tracker.Domain.Inspections;
using Tracker.Host.Imports;
using Tracker.Host.Imports.IroPage;
using Tracker.IntegrationTests.Support;

namespace Tracker.IntegrationTests.Imports;

public sealed class BundledDataImportTests(TrackerFixture fixture) : IntegrationTest(fixture)
{
    private async Task<(int Inspections, int Sections)> Counts()
    {
        await using var session = Fixture.Store.QuerySession();
        return (await session.Events.QueryRawEventDataOnly<InspectionRecorded>().CountAsync(),
            await session.Query<ImportedSection>().CountAsync());
    }

    [Fact]
    public async Task On_a_database_without_inspections_the_bundled_sources_are_imported_and_a_second_start_changes_nothing()
    {
        var firstRun = new BundledDataImport(TimeProvider.System, new ImportOptions(), NullLogger<BundledDataImport>.Instance);

        await firstRun.Populate(Fixture.Store, CancellationToken.None);
        var (inspections, sections) = await Counts();
        inspections.ShouldBe(497 + 27, "the complete history, and the IRO page's headings");
        sections.ShouldBe(57);

        await firstRun.Populate(Fixture.Store, CancellationToken.None);
        (await Counts()).ShouldBe((inspections, sections));
    }
}
