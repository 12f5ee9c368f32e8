namespace Tracker.IntegrationTests.Support;

/// <summary>Waits for asynchronous delivery: polls until the condition holds or the time is up.</summary>
public static class Eventually
{
    public static async Task<T> GetAsync<T>(Func<Task<T>> read, Func<T, bool> done, TimeSpan? within = null, string? what = null)
    {
        var deadline = DateTime.UtcNow + (within ?? TimeSpan.FromSeconds(20));
        while (true)
        {
            var value = await read();
            if (done(value)) return value;
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"Timed out waiting for {what ?? "the condition"}.");
            await Task.Delay(100);
        }
    }

    public static Task<bool> TrueAsync(Func<bool> condition, TimeSpan? within = null, string? what = null) =>
        GetAsync(() => Task.FromResult(condition()), v => v, within, what);
}
