namespace Tracker.Benchmarks.Infra;

/// <summary>
/// HTTP load on 127.0.0.1 in the two models of <see cref="LoadLoops"/>, each after a short untimed warm-up.
/// <c>request(worker, n)</c> builds the n-th request (worker is 0 in the open model).
/// </summary>
public static class HttpLoad
{
    /// <summary>Closed model: <paramref name="connections"/> workers, each awaiting its answer before sending again.</summary>
    public static async Task<LoopResult> RunAsync(Uri baseAddress, int connections, TimeSpan duration,
        Func<int, long, HttpRequestMessage> request, CancellationToken ct)
    {
        using var http = Client(baseAddress, connections);
        await LoadLoops.ClosedAsync(connections, WarmUp(duration), (w, n) => SendAsync(http, request(w, n), ct), ct);
        return await LoadLoops.ClosedAsync(connections, duration, (w, n) => SendAsync(http, request(w, n), ct), ct);
    }

    /// <summary>
    /// Open model: <paramref name="ratePerSecond"/> requests a second on schedule, over at most
    /// <paramref name="maxConnections"/> connections; requests beyond those wait in the client, and that wait counts.
    /// </summary>
    public static async Task<LoopResult> RunOpenAsync(Uri baseAddress, double ratePerSecond, int maxConnections,
        TimeSpan duration, Func<int, long, HttpRequestMessage> request, CancellationToken ct)
    {
        using var http = Client(baseAddress, maxConnections);
        await LoadLoops.OpenAsync(ratePerSecond, WarmUp(duration), n => SendAsync(http, request(0, n), ct), ct);
        return await LoadLoops.OpenAsync(ratePerSecond, duration, n => SendAsync(http, request(0, n), ct), ct);
    }

    private static TimeSpan WarmUp(TimeSpan duration) => TimeSpan.FromSeconds(Math.Min(1, duration.TotalSeconds / 3));

    private static HttpClient Client(Uri baseAddress, int connections) =>
        new(new SocketsHttpHandler
        {
            MaxConnectionsPerServer = connections, PooledConnectionLifetime = Timeout.InfiniteTimeSpan,
        })
        {
            BaseAddress = baseAddress, Timeout = TimeSpan.FromSeconds(60),
        };

    private static async Task<bool> SendAsync(HttpClient http, HttpRequestMessage message, CancellationToken ct)
    {
        using (message)
        using (var response = await http.SendAsync(message, HttpCompletionOption.ResponseContentRead, ct))
            return response.IsSuccessStatusCode;
    }
}
