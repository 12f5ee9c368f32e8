using System.Net;
using System.Net.Http.Json;
using Marten;
using Tracker.Domain.Inspections;
using Tracker.IntegrationTests.Inspections;

namespace Tracker.IntegrationTests.Faults;

/// <summary>
/// A bulk series of writes that survives faults the way a client should: each write is retried until acknowledged
/// (201 recorded or 200 already recorded). Unacknowledged attempts that did commit come back as 200 on retry, never twice.
/// Only the answers a client may retry are retried: 503 (store unavailable), 409 (a lost race), 429 and a dropped
/// connection. A 500, or any other 5xx, fails the series: an outage must be answered as one.
/// An importer can replace <see cref="SendAsync"/> once it exists: the assertions stay the same.
/// </summary>
public sealed class WriteSeries(int count, string prefix)
{
    public IReadOnlyList<string> References { get; } = Enumerable.Range(0, count).Select(i => $"{prefix}-{i:D4}").ToList();
    public int Acknowledged;
    public int FailedAttempts;
    /// <summary>How many attempts were answered 503 with a Retry-After: the outage as the client saw it.</summary>
    public int Unavailable;

    public async Task RunAsync(Func<HttpClient> client, TimeSpan deadline, CancellationToken ct = default)
    {
        var until = DateTime.UtcNow + deadline;
        foreach (var reference in References)
        {
            while (true)
            {
                if (DateTime.UtcNow > until) throw new TimeoutException($"Write {reference} not acknowledged within {deadline}.");
                var (status, retryAfter) = await SendAsync(client(), reference, ct);
                if (status is HttpStatusCode.Created or HttpStatusCode.OK) { Interlocked.Increment(ref Acknowledged); break; }
                if (status == HttpStatusCode.ServiceUnavailable)
                {
                    if (!retryAfter) throw new InvalidOperationException($"Write {reference}: a 503 without Retry-After.");
                    Interlocked.Increment(ref Unavailable);
                }
                else if (status is not (null or HttpStatusCode.TooManyRequests or HttpStatusCode.Conflict))
                    throw new InvalidOperationException($"Write {reference} was answered {(int)status}: that is not a fault to retry.");
                Interlocked.Increment(ref FailedAttempts);
                await Task.Delay(200, ct);
            }
        }
    }

    private static async Task<(HttpStatusCode? Status, bool RetryAfter)> SendAsync(HttpClient client, string reference, CancellationToken ct)
    {
        try
        {
            using var answer = await client.PostAsJsonAsync("/api/authorities/380/inspections", RecordInspectionTests.Ilacs2023(reference), ct);
            return (answer.StatusCode, answer.Headers.RetryAfter is not null);
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException or IOException)
        {
            return (null, false); // the connection died with the server: unacknowledged, so try again
        }
    }

    /// <summary>Every reference of the series is in the stream exactly once.</summary>
    public async Task ShouldBeStoredExactlyOnceAsync(IDocumentStore store)
    {
        await using var session = store.QuerySession();
        var recorded = (await session.Events.FetchStreamAsync("380")).Select(e => e.Data).OfType<InspectionRecorded>()
            .Select(r => r.Details.ReportReference).Where(r => r.StartsWith(References[0][..^4], StringComparison.Ordinal)).ToList();
        recorded.Count.ShouldBe(References.Count, "no write lost, none duplicated");
        recorded.ShouldBe(References, ignoreOrder: true);
    }
}
