using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Tracker.IntegrationTests.Support;

/// <summary>One webhook request as the receiver saw it, with its own verdict on the signature.</summary>
public sealed record ReceivedWebhook(string Id, string Timestamp, bool SignatureValid, string Body, string Type, string Subject, string Sequence, string EventId);

/// <summary>
/// A real HTTP receiver (Kestrel on 127.0.0.1) that checks every Standard Webhooks signature with its own
/// implementation of the spec, written from the spec and sharing no code with Tracker's signer.
/// </summary>
public sealed class WebhookReceiver : IAsyncDisposable
{
    private WebApplication? _app;
    public int Port { get; private set; }
    public string Url => $"http://127.0.0.1:{Port}/hook";
    public string Secret { get; set; } = "";
    /// <summary>The status code answered; 200 unless a test wants failures.</summary>
    public int Answer { get; set; } = 200;
    public ConcurrentQueue<ReceivedWebhook> Received { get; } = new();

    public static async Task<WebhookReceiver> StartAsync()
    {
        var receiver = new WebhookReceiver();
        await receiver.StartAsync(port: 0);
        return receiver;
    }

    public async Task StartAsync(int port)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls($"http://127.0.0.1:{port}");
        var app = builder.Build();
        app.MapPost("/hook", async (HttpContext http) =>
        {
            using var reader = new StreamReader(http.Request.Body, Encoding.UTF8);
            var body = await reader.ReadToEndAsync();
            var id = http.Request.Headers["webhook-id"].ToString();
            var timestamp = http.Request.Headers["webhook-timestamp"].ToString();
            var valid = Verify(Secret, id, timestamp, body, http.Request.Headers["webhook-signature"].ToString());
            using var json = JsonDocument.Parse(body);
            var root = json.RootElement;
            Received.Enqueue(new ReceivedWebhook(id, timestamp, valid, body, root.GetProperty("type").GetString()!,
                root.GetProperty("subject").GetString()!, root.GetProperty("sequence").GetString()!, root.GetProperty("id").GetString()!));
            return Results.StatusCode(Answer);
        });
        await app.StartAsync();
        Port = new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First()).Port;
        _app = app;
    }

    /// <summary>Stops listening: senders get connection refused until <see cref="RestartAsync"/>.</summary>
    public async Task StopAsync()
    {
        if (_app is null) return;
        await _app.StopAsync();
        await _app.DisposeAsync();
        _app = null;
    }

    public Task RestartAsync() => StartAsync(Port);

    /// <summary>Standard Webhooks: base64 HMAC-SHA256 over "{id}.{timestamp}.{body}" keyed by the base64 part of whsec_…,
    /// any of the space-separated "v1,…" signatures may match, and the timestamp must be within five minutes.</summary>
    public static bool Verify(string secret, string id, string timestamp, string body, string header)
    {
        if (!secret.StartsWith("whsec_") || !long.TryParse(timestamp, out var seconds)) return false;
        if (Math.Abs(DateTimeOffset.UtcNow.ToUnixTimeSeconds() - seconds) > 300) return false;
        using var hmac = new HMACSHA256(Convert.FromBase64String(secret["whsec_".Length..]));
        var expected = hmac.ComputeHash(Encoding.UTF8.GetBytes(id + "." + timestamp + "." + body));
        foreach (var part in header.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            var comma = part.IndexOf(',');
            if (comma < 0 || part[..comma] != "v1") continue;
            byte[] given;
            try { given = Convert.FromBase64String(part[(comma + 1)..]); }
            catch (FormatException) { continue; }
            if (CryptographicOperations.FixedTimeEquals(given, expected)) return true;
        }
        return false;
    }

    public async ValueTask DisposeAsync() => await StopAsync();
}
