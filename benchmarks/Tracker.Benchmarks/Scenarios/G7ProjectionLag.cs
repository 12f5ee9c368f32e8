using System.Diagnostics;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using Tracker.Benchmarks.Data;
using Tracker.Benchmarks.Infra;
using Tracker.Domain.Common;

namespace Tracker.Benchmarks.Scenarios;

/// <summary>
/// Append-to-visible lag of the async GradePicture projection while 16 writers run G1's load (POST metrics, which do not
/// move the picture). A probe, one at a time, records an inspection that must change the national picture: published on
/// a new day after every synthetic report, with a grade different from the probe authority's previous one, so on that
/// asOf exactly one authority moves into the new grade. Lag = from the POST's answer (the append has committed) until
/// GET /api/national?asOf=that day shows the move.
/// </summary>
public sealed class G7ProjectionLag : IScenario
{
    private const int Writers = 16;
    private const int MinProbes = 40;
    private static readonly DateOnly FirstProbeDay = new(2026, 1, 1);
    private int _probeDays;

    public string Id => "G7";
    public string Title => "projection lag (append → visible in /api/national, async GradePicture projection) under G1 load (16 writers), p99 (ms)";
    public string Baseline => "(absolute)";
    public string Unit => "ms p99";
    public Goal Goal => new(GoalKind.AbsoluteBelow, 1000, "< 1 s");

    public sealed record PictureCounts(int Outstanding, int Inadequate);

    public async Task<Measurement> RunTrackerAsync(BenchContext context, CancellationToken ct)
    {
        var host = await context.HostAsync(ct);
        await CaughtUpAsync(context, host, ct);
        using var handler = new SocketsHttpHandler { MaxConnectionsPerServer = Writers + 2 };
        using var http = new HttpClient(handler) { BaseAddress = host.BaseAddress, Timeout = TimeSpan.FromMinutes(1) };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", host.ApiKey);

        _probeDays = 0;
        // Every probe is its own day, on or after 2026-01-01 (after all synthetic reports, before the machine's today).
        var probe = SyntheticDataset.StreamId(context.Round % context.Dataset.StreamCount);
        var grade = Grade.Inadequate;
        (await ProbeAsync(http, probe, grade, ct)).ShouldBeVisible(probe); // warm-up: the authority's latest grade is now known

        using var stop = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var items = WriteWork.Prepare(context, context.WritesPerRound * 10);
        long written = 0;
        var writers = Workers.RunAsync(items.Length, Writers, async i =>
        {
            if (stop.IsCancellationRequested) return;
            using var content = new StringContent(items[i].Body, Encoding.UTF8, new MediaTypeHeaderValue("application/json"));
            using var response = await http.PostAsync($"/api/authorities/{items[i].StreamId}/metrics", content, CancellationToken.None);
            if ((int)response.StatusCode == 201) Interlocked.Increment(ref written);
        });

        var lags = new List<double>();
        var clock = Stopwatch.StartNew();
        // At least MinProbes (a p99 of fewer is just the maximum), at most 300 (distinct probe days), at most 3 minutes.
        while ((clock.Elapsed < context.LoadDuration || lags.Count < MinProbes) && clock.Elapsed < TimeSpan.FromMinutes(3)
               && !writers.IsCompleted && lags.Count < 300)
        {
            grade = grade == Grade.Inadequate ? Grade.Outstanding : Grade.Inadequate;
            var lag = await ProbeAsync(http, probe, grade, ct);
            lags.Add(lag.ShouldBeVisible(probe));
        }
        var writerEventsPerSecond = Interlocked.Read(ref written) / clock.Elapsed.TotalSeconds;
        await stop.CancelAsync();
        await writers;
        if (lags.Count < MinProbes) context.Log($"    G7: only {lags.Count} probes ran while the writers were busy");
        return new Measurement(Stats.Percentile(lags, 99), new Dictionary<string, double>
        {
            ["p50_ms"] = Stats.Percentile(lags, 50), ["p99_ms"] = Stats.Percentile(lags, 99), ["max_ms"] = lags.Count == 0 ? double.NaN : lags.Max(),
            ["probes"] = lags.Count, ["writer_events_per_s"] = writerEventsPerSecond,
        }, lags.Count);
    }

    private readonly record struct Lag(double? Ms)
    {
        public double ShouldBeVisible(string probe) => Ms ?? throw new InvalidOperationException($"A probe inspection on {probe} never became visible in /api/national within 30 s.");
    }

    private async Task<Lag> ProbeAsync(HttpClient http, string authority, Grade grade, CancellationToken ct)
    {
        var day = FirstProbeDay.AddDays(Interlocked.Increment(ref _probeDays) % 330);
        var url = $"/api/national?area=overall&asOf={day:yyyy-MM-dd}";
        var before = await Count(http, url, grade, ct);
        var areas = JudgementAreas.For(FrameworkVersion.Ilacs2023).ToDictionary(a => a, a => a == JudgementAreas.Overall ? grade.ToWire() : "good");
        var body = new { framework = "ilacs-2023", kind = "standard", startDate = day.AddDays(-40), endDate = day.AddDays(-30), publishedOn = day,
            reportReference = $"g7-{Guid.NewGuid():N}", grades = areas };
        using (var response = await http.PostAsJsonAsync($"/api/authorities/{authority}/inspections", body, ct))
            if (!response.IsSuccessStatusCode)
                throw new InvalidOperationException($"The probe inspection was refused: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync(ct)}");
        var committed = Stopwatch.StartNew();
        while (committed.Elapsed < TimeSpan.FromSeconds(30))
        {
            if (await Count(http, url, grade, ct) > before) return new Lag(committed.Elapsed.TotalMilliseconds);
            await Task.Delay(2, ct);
        }
        return new Lag(null);
    }

    private static async Task<int> Count(HttpClient http, string url, Grade grade, CancellationToken ct)
    {
        var picture = await http.GetFromJsonAsync<PictureCounts>(url, ct) ?? throw new InvalidOperationException("No picture");
        return grade == Grade.Outstanding ? picture.Outstanding : picture.Inadequate;
    }

    /// <summary>Waits until the Host's daemon has processed every stored event (after start, the projection catches up).</summary>
    public static async Task CaughtUpAsync(BenchContext context, TrackerHostProcess host, CancellationToken ct)
    {
        await using var command = context.DataSource.CreateCommand("select coalesce(max(seq_id), 0) from tracker.mt_events");
        var last = Convert.ToInt64(await command.ExecuteScalarAsync(ct));
        using var http = new HttpClient { BaseAddress = host.BaseAddress };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", host.ApiKey);
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < TimeSpan.FromMinutes(30))
        {
            using var response = await http.GetAsync("/api/national", ct);
            if (response.Headers.TryGetValues("X-Projection-Sequence", out var values) && long.Parse(values.First()) >= last) return;
            await Task.Delay(200, ct);
        }
        throw new TimeoutException("The GradePicture projection did not catch up within 30 minutes.");
    }

    public Task<Measurement> RunBaselineAsync(BenchContext context, CancellationToken ct) => throw new NotSupportedException("G7 is absolute");
}
