namespace Tracker.Host.Hosting;

/// <summary>
/// <c>dotnet Tracker.Host.dll healthcheck [url]</c>: the container's HEALTHCHECK. The aspnet runtime image has no curl
/// or wget, so the probe is the app itself, run before any host is built: it only GETs <c>/health/live</c>.
/// </summary>
public static class HealthProbe
{
    public const string Command = "healthcheck";
    public const string DefaultUrl = "http://127.0.0.1:8080/health/live";

    public static async Task<int> RunAsync(string[] args)
    {
        var url = args.FirstOrDefault() ?? Environment.GetEnvironmentVariable("TRACKER_HEALTHCHECK_URL") ?? DefaultUrl;
        using var client = new HttpClient { Timeout = TimeSpan.FromSeconds(3) };
        try
        {
            using var response = await client.GetAsync(url);
            Console.WriteLine($"{url}: {(int)response.StatusCode}");
            return response.IsSuccessStatusCode ? 0 : 1;
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException or UriFormatException)
        {
            await Console.Error.WriteLineAsync($"{url}: {e.Message}");
            return 1;
        }
    }
}
