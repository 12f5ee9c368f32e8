using JasperFx.Events;
using Marten;
using Marten.Services;
using Npgsql;
using Tracker.Domain.Common;
using Tracker.Domain.Inspections;
using Tracker.Domain.Visits;
using Tracker.IntegrationTests.Support;
using Tracker.Projections.Authorities;
using Tracker.Projections.National;
using Xunit.Abstractions;

namespace Tracker.IntegrationTests.ReadModels;

/// <summary>Reads whose cost must not grow with what a standing or a page of events holds.</summary>
public sealed class ReadCostTests(TrackerFixture fixture, ITestOutputHelper output) : IntegrationTest(fixture)
{
    private static readonly Recorded Rec = new("test", new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero));

    /// <summary>Records every command a session runs, so the test can run it again and weigh what it returns.</summary>
    private sealed class Recording : IMartenSessionLogger
    {
        public List<NpgsqlCommand> Commands { get; } = [];
        public void LogSuccess(NpgsqlCommand command) => Commands.Add(command.Clone());
        public void LogFailure(NpgsqlCommand command, Exception ex) { }

        public void LogSuccess(NpgsqlBatch batch)
        {
            foreach (var statement in batch.BatchCommands)
            {
                var command = new NpgsqlCommand(statement.CommandText);
                foreach (NpgsqlParameter parameter in statement.Parameters) command.Parameters.Add(parameter.Clone());
                Commands.Add(command);
            }
        }

        public void LogFailure(NpgsqlBatch batch, Exception ex) { }
        public void LogFailure(Exception ex, string message) { }
        public void RecordSavedChanges(IDocumentSession session, IChangeSet commit) { }
        public void OnBeforeExecute(NpgsqlCommand command) { }
        public void OnBeforeExecute(NpgsqlBatch batch) { }
    }

    private async Task<long> BytesReturnedAsync(IEnumerable<NpgsqlCommand> commands)
    {
        await using var connection = new NpgsqlConnection(Fixture.ConnectionString);
        await connection.OpenAsync();
        long bytes = 0;
        foreach (var command in commands)
        {
            command.Connection = connection;
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
                for (var i = 0; i < reader.FieldCount; i++)
                    bytes += reader.IsDBNull(i) ? 0 : System.Text.Encoding.UTF8.GetByteCount(reader.GetValue(i).ToString() ?? "");
        }
        return bytes;
    }

    private async Task<(long Bytes, int Total)> ListAsync(string? grade, int pageSize)
    {
        var recording = new Recording();
        await using var query = Fixture.Store.QuerySession();
        query.Logger = recording;
        var (total, rows) = await AuthorityList.PageAsync(query,
            new AuthorityListQuery(null, JudgementAreas.Overall, grade, false, new DateOnly(2024, 3, 31), null, 1, pageSize), default);
        if (pageSize > 1) rows.Single(r => r.Id == "380").Grade.ShouldBe("good");
        return (await BytesReturnedAsync(recording.Commands), total);
    }

    private async Task<long> StoredBytesAsync()
    {
        await using var connection = new NpgsqlConnection(Fixture.ConnectionString);
        await connection.OpenAsync();
        await using var size = new NpgsqlCommand("select sum(length(data::text)) from tracker.mt_doc_authoritystanding", connection);
        return Convert.ToInt64(await size.ExecuteScalarAsync());
    }

    [Fact]
    public async Task The_list_reads_only_list_fields_and_pages_so_its_reads_do_not_grow_with_the_standings()
    {
        await Host.Inspection("380", FrameworkVersion.Ilacs2023, "2024-02-01", "b23", Grade.Good);
        var before = await StoredBytesAsync();
        var (all, total) = await ListAsync(null, 200);
        var (good, goodTotal) = await ListAsync("good", 200);
        var (page, _) = await ListAsync(null, 1);
        (total, goodTotal).ShouldBe((153, 1));

        // 3,000 monitoring visits on 380: its standing grows by most of a megabyte, none of which a list row shows.
        await using (var session = Fixture.Store.LightweightSession())
        {
            session.Events.Append("380", Enumerable.Range(0, 3000).Select(n => (object)new MonitoringVisitRecorded($"mv-{n}",
                new VisitDetails(new ReportDates(new DateOnly(2020, 1, 1), new DateOnly(2020, 1, 2), new DateOnly(2020, 1, 3)),
                    $"https://example.org/visits/{n}", "a topic long enough to make every visit weigh something"), Rec)).ToArray());
            await session.SaveChangesAsync();
        }
        var after = await StoredBytesAsync();
        var (allAfter, _) = await ListAsync(null, 200);
        var (goodAfter, _) = await ListAsync("good", 200);
        output.WriteLine($"standings: {before:N0} -> {after:N0} bytes; list of 153 (one query for keys, one for rows): " +
            $"{all:N0} -> {allAfter:N0}; grade=good: {good:N0} -> {goodAfter:N0}; pageSize=1: {page:N0}");

        (after - before).ShouldBeGreaterThan(500_000);
        (allAfter - all).ShouldBe(0, "a list that loads whole standings reads every visit");
        (goodAfter - good).ShouldBe(0);
        page.ShouldBeLessThan(all / 3, "a page reads the list fields of its own rows only (and every key)");
    }

    [Fact]
    public async Task A_page_of_many_events_on_one_day_writes_each_scope_and_day_row_once_with_the_summed_change()
    {
        await ProjectionsCaughtUpAsync();
        string[] ids;
        await using (var query = Fixture.Store.QuerySession())
            ids = [.. (await query.Query<Tracker.Projections.CurrentGrades.AuthorityStanding>()
                    .Where(s => s.FormedOn == null && s.AbolishedOn == null).Select(s => s.Id).ToListAsync())
                .Order(StringComparer.Ordinal).Take(30)];
        var day = new DateOnly(2024, 6, 3);
        // Two reports per authority on the same day (the second corrects nothing: same grade), 60 events in one page.
        var events = ids.SelectMany((id, n) => new[] { "a", "b" }.Select(suffix => (IEvent)new Event<InspectionRecorded>(
            new InspectionRecorded($"{id}-{suffix}", new InspectionDetails(FrameworkVersion.Ilacs2023, InspectionKind.Standard,
                new ReportDates(day.AddDays(-40), day.AddDays(-30), day), $"r-{id}-{suffix}",
                new Dictionary<string, Grade> { [JudgementAreas.Overall] = Grade.Good }), Rec))
        { StreamKey = id, Sequence = 1_000_000 + n })).ToList();

        await using var session = Fixture.Store.LightweightSession();
        await new GradePictureProjection().ApplyAsync(session, events, default);

        var rows = session.PendingChanges.AllChangedFor<GradeDelta>().ToList();
        rows.Select(r => r.Id).ShouldBeUnique();
        var england = rows.Single(r => r.Id == GradeDelta.IdFor("england#d", day));
        england.Counts[JudgementAreas.Overall][(int)Grade.Good].ShouldBe(ids.Length);
        england.Counts[JudgementAreas.Overall][GradeContribution.Ungraded].ShouldBe(-ids.Length);
        rows.ShouldContain(r => r.Id == GradeDelta.IdFor("england#m", new DateOnly(2024, 6, 1)));
        rows.ShouldContain(r => r.Id == GradeDelta.IdFor("england#y", new DateOnly(2024, 1, 1)));
        output.WriteLine($"{events.Count} events for {ids.Length} authorities on {day}: {rows.Count} row writes");
    }
}
