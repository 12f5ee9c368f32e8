using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Playwright;
using Tracker.Host.Hosting;
using Tracker.IntegrationTests.Support;

namespace Tracker.IntegrationTests.Dashboard;

/// <summary>
/// The Host as a real process on 127.0.0.1 (a browser cannot reach Alba's in-memory server) with the bundled data
/// imported, as after a fresh `dotnet run`, and one headless Chromium for every dashboard test.
/// </summary>
public sealed class DashboardFixture : IAsyncLifetime
{
    /// <summary>Debian's chromium (Playwright cannot download its own browser here); TRACKER_CHROMIUM overrides.</summary>
    public static string ChromiumPath => Environment.GetEnvironmentVariable("TRACKER_CHROMIUM") ?? "/usr/bin/chromium";

    private EmbeddedPostgres? _server;
    private IPlaywright? _playwright;

    public HostProcess Host { get; private set; } = null!;
    public IBrowser Browser { get; private set; } = null!;
    public HttpClient Api => Host.Client;

    public async Task InitializeAsync()
    {
        if (!File.Exists(ChromiumPath))
            throw new InvalidOperationException($"The dashboard tests need Chromium at {ChromiumPath}. Install it " +
                "with `apt-get install -y chromium` (.ci/run does), or set TRACKER_CHROMIUM to a Chromium binary.");
        (var connection, _server) = await TestDatabase.StartAsync("dashboard");
        Host = new HostProcess(connection, new Dictionary<string, string>
        {
            ["Tracker__ImportBundledDataOnStartup"] = "true",
            ["Tracker__RateLimit__PermitsPerWindow"] = "1000000",
        });
        await Host.StartAsync();
        await ProjectionsCaughtUpAsync();
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new()
        {
            ExecutablePath = ChromiumPath, Headless = true, Args = ["--no-sandbox"],
        });
    }

    /// <summary>A fresh browser context (no cache, no storage) on the Host, at the given viewport width.</summary>
    public async Task<IPage> NewPageAsync(int width = 1280, int height = 900)
    {
        var context = await Browser.NewContextAsync(new()
        {
            BaseURL = Host.BaseAddress.ToString(), Locale = "en-GB",
            ViewportSize = new() { Width = width, Height = height },
        });
        return await context.NewPageAsync();
    }

    /// <summary>The national figures come from the async projection: wait until it has processed every event.</summary>
    public async Task ProjectionsCaughtUpAsync()
    {
        await Eventually.GetAsync(async () =>
        {
            var feed = await GetJsonAsync("/api/events?after=0&limit=1");
            var national = await Api.GetAsync(new Uri(Host.BaseAddress, "/api/national"));
            var processed = long.Parse(national.Headers.GetValues("X-Projection-Sequence").Single(),
                System.Globalization.CultureInfo.InvariantCulture);
            return processed >= feed.GetProperty("highWaterMark").GetInt64();
        }, done => done, TimeSpan.FromSeconds(60), "the GradePicture projection to catch up");
    }

    public async Task<JsonElement> GetJsonAsync(string path) =>
        await Api.GetFromJsonAsync<JsonElement>(new Uri(Host.BaseAddress, path));

    public async Task DisposeAsync()
    {
        if (Browser is not null) await Browser.DisposeAsync();
        _playwright?.Dispose();
        if (Host is not null) await Host.DisposeAsync();
        if (_server is not null) await _server.DisposeAsync();
    }
}

[CollectionDefinition(Name)]
public sealed class DashboardCollection : ICollectionFixture<DashboardFixture>
{
    public const string Name = "dashboard";
}
