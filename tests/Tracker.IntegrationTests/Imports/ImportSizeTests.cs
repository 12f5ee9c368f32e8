using System.Diagnostics;
using System.Net;
using System.Text;
using Marten;
using Tracker.Host.Imports;
using Tracker.IntegrationTests.Support;
using Xunit.Abstractions;

namespace Tracker.IntegrationTests.Imports;

/// <summary>POST /api/imports takes the history CSV up to 100 MB with flat memory; above it, a 413 that imports nothing.</summary>
public sealed class ImportSizeTests(TrackerFixture fixture, ITestOutputHelper output) : IntegrationTest(fixture)
{
    private const long Mb = 1024 * 1024;

    [Fact]
    [Trait("Category", "Slow")]
    public async Task A_60_MB_history_is_imported_while_the_live_heap_stays_flat()
    {
        var body = new PaddedHistory(60 * Mb);
        using var client = Fixture.CreateClient();
        // The heap is the whole test process's: let the daemon finish what earlier tests appended first (a backlog
        // being projected during the import once added 40 MB that was not the import's).
        await ProjectionsCaughtUpAsync();
        var baseline = GC.GetTotalMemory(forceFullCollection: true);
        using var sampling = new CancellationTokenSource();
        long peakHeap = baseline, baselineWorkingSet = Environment.WorkingSet, peakWorkingSet = baselineWorkingSet;
        var sampler = Task.Run(async () =>
        {
            while (!sampling.IsCancellationRequested)
            {
                // A full collection per sample: the live heap, not garbage waiting for the next GC.
                peakHeap = Math.Max(peakHeap, GC.GetTotalMemory(forceFullCollection: true));
                peakWorkingSet = Math.Max(peakWorkingSet, Environment.WorkingSet);
                try { await Task.Delay(200, sampling.Token); } catch (OperationCanceledException) { }
            }
        });
        var watch = Stopwatch.StartNew();
        using var response = await client.PostAsync("/api/imports", Content(body, length: null));
        await sampling.CancelAsync();
        await sampler;

        var text = await response.Content.ReadAsStringAsync();
        response.StatusCode.ShouldBe(HttpStatusCode.OK, text);
        var summary = System.Text.Json.JsonSerializer.Deserialize<ImportSummary>(text, Json.Options)!;
        summary.Read.ShouldBe(body.Rows);
        summary.Rejected.ShouldBeEmpty();
        (summary.Appended + summary.DuplicatesSkipped).ShouldBe(body.Rows);
        var growth = (peakHeap - baseline) / (double)Mb;
        output.WriteLine($"{body.Length / (double)Mb:N1} MB, {body.Rows} rows in {watch.Elapsed.TotalSeconds:N1} s; " +
                         $"live heap peak +{growth:N1} MB; process working set {baselineWorkingSet / (double)Mb:N0} MB before, " +
                         $"peak {peakWorkingSet / (double)Mb:N0} MB");
        // Buffering the body would hold it at least twice over (bytes, then UTF-16 text): 120 MB and more.
        growth.ShouldBeLessThan(30);
    }

    [Fact]
    public async Task A_csv_announced_over_the_limit_is_a_413_before_its_body_is_read()
    {
        var body = new PaddedHistory(ImportLimits.DefaultCsv + 1);
        using var client = Fixture.CreateClient();
        using var response = await client.PostAsync("/api/imports", Content(body, length: body.Length));

        response.StatusCode.ShouldBe(HttpStatusCode.RequestEntityTooLarge);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        body.Produced.ShouldBeLessThan(Mb);
    }

    [Fact]
    [Trait("Category", "Slow")]
    public async Task A_csv_sent_without_a_length_that_passes_the_limit_is_a_413_and_imports_nothing()
    {
        var body = new PaddedHistory(ImportLimits.DefaultCsv + Mb);
        using var client = Fixture.CreateClient();
        using var response = await client.PostAsync("/api/imports", Content(body, length: null));

        response.StatusCode.ShouldBe(HttpStatusCode.RequestEntityTooLarge);
        await using var session = Fixture.Store.QuerySession();
        (await session.Events.QueryAllRawEvents().Where(e => e.EventTypeName == "inspection_recorded").CountAsync()).ShouldBe(0);
    }

    private static StreamContent Content(PaddedHistory body, long? length)
    {
        var content = new StreamContent(body, 1 << 16);
        content.Headers.ContentType = new("text/csv");
        content.Headers.ContentLength = length; // null: sent without a length (chunked)
        return content;
    }

    /// <summary>
    /// The sample history's rows, repeated, each with a padding column the importer ignores, generated as it is read
    /// so the test itself holds none of it.
    /// </summary>
    private sealed class PaddedHistory(long length) : Stream
    {
        private static readonly string[] Lines = File.ReadAllLines(
            Path.Combine(AppContext.BaseDirectory, "data/sources/ofsted-csc-inspections-sample.csv"));
        private static readonly string Padding = new('p', 8 * 1024);
        private byte[] _current = Encoding.UTF8.GetBytes(Lines[0] + ",padding\n");
        private int _offset;
        private int _next = 1;

        public int Rows { get; private set; }
        public long Produced { get; private set; }
        public override long Length => length;

        /// <summary>Whole rows only: the body ends at the first row boundary at or after <c>length</c>.</summary>
        public override int Read(byte[] buffer, int offset, int count)
        {
            var written = 0;
            while (written < count)
            {
                if (_offset == _current.Length)
                {
                    if (Produced >= length) break;
                    var line = Lines[1 + (_next++ - 1) % (Lines.Length - 1)];
                    (_current, _offset) = (Encoding.UTF8.GetBytes($"{line},{Padding}\n"), 0);
                    Rows++;
                }
                var n = Math.Min(count - written, _current.Length - _offset);
                Array.Copy(_current, _offset, buffer, offset + written, n);
                (_offset, written, Produced) = (_offset + n, written + n, Produced + n);
            }
            return written;
        }

        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Position { get => Produced; set => throw new NotSupportedException(); }
        public override void Flush() { }
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
