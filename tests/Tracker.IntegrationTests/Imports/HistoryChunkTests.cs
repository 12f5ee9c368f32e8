using Marten;
using Tracker.Domain.Authorities;
using Tracker.Domain.Inspections;
using Tracker.Host.Imports;
using Tracker.Projections.CurrentGrades;
using Tracker.IntegrationTests.Support;

namespace Tracker.IntegrationTests.Imports;

/// <summary>The history import writes chunks of authorities per transaction; these are the edges where that could go wrong.</summary>
public sealed class HistoryChunkTests(TrackerFixture fixture) : IntegrationTest(fixture)
{
    private Importer ImporterWith(int authoritiesPerChunk) => new(Fixture.Store, TimeProvider.System, new ImportOptions(authoritiesPerChunk));

    private Task<ImportSummary> ImportAsync(string csv, int authoritiesPerChunk) =>
        ImporterWith(authoritiesPerChunk).ImportAsync(new StringReader(csv), null, _ => { }, CancellationToken.None);

    private async Task<List<InspectionRecorded>> InspectionsOf(string authorityId)
    {
        await using var session = Fixture.Store.QuerySession();
        return (await session.Events.FetchStreamAsync(authorityId)).Select(e => e.Data).OfType<InspectionRecorded>().ToList();
    }

    [Fact]
    public async Task The_sample_history_written_two_authorities_per_chunk_gives_the_same_counts_and_up_to_date_projections()
    {
        var summary = await ImportAsync(ImportFiles.History, authoritiesPerChunk: 2);

        summary.Read.ShouldBe(43);
        summary.Appended.ShouldBe(43);
        summary.Rejected.ShouldBeEmpty();
        await using var session = Fixture.Store.QuerySession();
        (await session.Query<AuthorityStanding>().ToListAsync()).Sum(s => s.Inspections.Count).ShouldBe(43);
        foreach (var authority in new[] { "380", "838", "926" })
        {
            var snapshot = (await session.LoadAsync<Authority>(authority))!;
            var state = await session.Events.FetchStreamStateAsync(authority);
            snapshot.Version.ShouldBe(state!.Version, $"the write model of {authority} is at its stream's version");
            (await session.Query<KnownFact>().CountAsync(f => f.AuthorityId == authority))
                .ShouldBe((await InspectionsOf(authority)).Count, "each fact is known by its own document");
        }
    }

    [Fact]
    public async Task An_authority_whose_rows_straddle_chunks_is_decided_in_file_order_against_what_earlier_chunks_committed()
    {
        var rows = ImportFiles.History.Split('\n');
        var (bradford1, bradford2, dorset1, dorset2, bcp1) = (rows[20], rows[21], rows[1], rows[2], rows[3]);
        var changed = bradford1.Replace("requires improvement,good,1", "requires improvement,outstanding,1");
        changed.ShouldNotBe(bradford1);
        // One authority per chunk: every change of URN commits, so Bradford's rows land in four chunks.
        var csv = string.Join('\n', rows[0], bradford1, dorset1, bradford2, bcp1, bradford1, dorset2, changed) + "\n";

        var summary = await ImportAsync(csv, authoritiesPerChunk: 1);

        summary.Read.ShouldBe(7);
        summary.Appended.ShouldBe(6, "five reports, and the changed row as a correction of the first");
        summary.Corrected.ShouldBe(1);
        summary.DuplicatesSkipped.ShouldBe(1);
        summary.Rejected.ShouldBeEmpty();
        (await InspectionsOf("380")).Count.ShouldBe(2);
    }

    [Fact]
    public async Task Rerunning_the_whole_history_after_a_partial_import_appends_exactly_the_missing_reports()
    {
        var firstHalf = string.Join('\n', ImportFiles.History.Split('\n').Take(20)) + "\n";
        var partial = await ImportAsync(firstHalf, authoritiesPerChunk: 3);
        partial.Appended.ShouldBe(19);

        var rerun = await ImportAsync(ImportFiles.History, authoritiesPerChunk: 3);

        rerun.Read.ShouldBe(43);
        rerun.Appended.ShouldBe(43 - 19);
        rerun.DuplicatesSkipped.ShouldBe(19);
        rerun.Rejected.ShouldBeEmpty();
        await using var session = Fixture.Store.QuerySession();
        (await session.Query<AuthorityStanding>().ToListAsync()).Sum(s => s.Inspections.Count).ShouldBe(43);
    }
}
