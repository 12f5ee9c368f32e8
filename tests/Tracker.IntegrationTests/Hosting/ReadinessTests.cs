using System.Diagnostics.Metrics;
using System.Text.Json;
using Alba;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Tracker.Host.Hosting;
using Tracker.IntegrationTests.Integrations;
using Tracker.IntegrationTests.Support;

namespace Tracker.IntegrationTests.Hosting;

/// <summary>Issue 15: /health/ready reports each async shard's lag behind the highest sequence, turns 503 when one is
/// stalled past the threshold, and the lags are a metric.</summary>
public sealed class ReadinessTests(TrackerFixture fixture) : IntegrationTest(fixture)
{
    private async Task<(int Status, JsonElement Projections)> ReadyAsync()
    {
        var result = await Host.Scenario(s => { s.Get.Url("/health/ready"); s.IgnoreStatusCode(); });
        using var body = JsonDocument.Parse(await result.ReadAsTextAsync());
        var check = body.RootElement.GetProperty("checks").GetProperty("projections");
        return (result.Context.Response.StatusCode, check.GetProperty("data").Clone());
    }

    [Fact]
    public async Task The_body_reports_the_lag_of_each_async_shard_and_the_metric_exports_it()
    {
        await Host.RecordInspectionAsync("380", "https://files.ofsted.gov.uk/v1/file/1", new DateOnly(2024, 3, 1));

        var (status, data) = await Eventually.GetAsync(ReadyAsync,
            r => r.Projections.GetProperty("projections").EnumerateObject().All(p => p.Value.GetProperty("lag").GetInt64() == 0),
            what: "every shard to catch up");
        status.ShouldBe(200);
        var highest = data.GetProperty("highestSequence").GetInt64();
        highest.ShouldBeGreaterThan(0);
        data.GetProperty("highWaterMark").GetInt64().ShouldBe(highest);
        var shards = data.GetProperty("projections");
        foreach (var name in ProjectionLagMonitor.AsyncShards.Append(ProjectionLagMonitor.HighWaterMarkShard))
        {
            shards.GetProperty(name).GetProperty("sequence").GetInt64().ShouldBe(highest, name);
            shards.GetProperty(name).GetProperty("stalled").GetBoolean().ShouldBeFalse(name);
        }

        var lags = new Dictionary<string, long>();
        using var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Meter.Name == ProjectionLagMonitor.MeterName && instrument.Name == "tracker.projection.lag")
                l.EnableMeasurementEvents(instrument);
        };
        listener.SetMeasurementEventCallback<long>((_, value, tags, _) =>
            lags[(string)tags.ToArray().Single(t => t.Key == "projection").Value!] = value);
        listener.Start();
        listener.RecordObservableInstruments();
        // Presence only: other hosts in this test process publish the same gauge with their own values.
        foreach (var name in ProjectionLagMonitor.AsyncShards) lags.ShouldContainKey(name);
    }

    [Fact]
    public async Task Ready_turns_503_when_the_relay_is_stalled_past_the_threshold_and_200_once_it_moves_again()
    {
        var configuration = Host.Services.GetRequiredService<IConfiguration>();
        configuration["Tracker:Health:MaxStalledSeconds"] = "1";
        try
        {
            // The reset's registrations are caught up first (with a 1 s threshold, an unlucky reading could call them stalled).
            await Eventually.GetAsync(ReadyAsync, r => r.Status == 200, what: "ready before the stall");
            await SnapshotGap.AppendVisitWithoutSnapshotAsync(Fixture, "380", "https://files.ofsted.gov.uk/v1/file/1516");

            var (_, data) = await Eventually.GetAsync(ReadyAsync, r => r.Status == 503, what: "ready to report the stall");
            var relay = data.GetProperty("projections").GetProperty("integrations:All");
            relay.GetProperty("stalled").GetBoolean().ShouldBeTrue();
            relay.GetProperty("lag").GetInt64().ShouldBe(1);

            // The rebuild ends; Wolverine restarts the paused relay, which catches up.
            await SnapshotGap.RestoreSnapshotAsync(Fixture, "380");
            await Eventually.GetAsync(ReadyAsync, r => r.Status == 200, TimeSpan.FromSeconds(60), "ready again");
        }
        finally
        {
            configuration["Tracker:Health:MaxStalledSeconds"] = null;
        }
    }
}
