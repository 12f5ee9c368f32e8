using System.Net;
using System.Net.Sockets;
using System.Threading.RateLimiting;
using Tracker.Host.Hosting;

namespace Tracker.Host.Security;

/// <summary>
/// A per-address limit checked before authentication, so a flood of anonymous requests or bad keys is refused before
/// any key lookup. Its budget defaults to five times the per-caller one (one address may carry several keys behind a
/// NAT). IPv6 callers are limited per /64, the block one subscriber usually holds. A request without a peer address
/// (a Unix socket, an in-process test server) is not limited here: its only peer is the local proxy.
/// </summary>
public sealed class AddressRateLimit : IDisposable
{
    private readonly PartitionedRateLimiter<HttpContext> _limiter;

    public AddressRateLimit(IConfiguration configuration)
    {
        var section = configuration.GetSection("Tracker:RateLimit");
        var perCaller = section.GetValue("PermitsPerWindow", 600);
        Permits = section.GetValue("AddressPermitsPerWindow", (int)Math.Min(int.MaxValue, perCaller * 5L));
        Window = TimeSpan.FromSeconds(section.GetValue("WindowSeconds", 60));
        _limiter = PartitionedRateLimiter.Create<HttpContext, string>(http =>
            http.Connection.RemoteIpAddress is not { } ip || http.Request.Path.StartsWithSegments("/health")
                ? RateLimitPartition.GetNoLimiter("")
                : RateLimitPartition.GetFixedWindowLimiter(Block(ip), _ => new FixedWindowRateLimiterOptions
                {
                    PermitLimit = Permits, Window = Window, QueueLimit = 0, AutoReplenishment = true,
                }));
    }

    public int Permits { get; }
    public TimeSpan Window { get; }

    public static string Block(IPAddress ip)
    {
        if (ip.IsIPv4MappedToIPv6) ip = ip.MapToIPv4();
        if (ip.AddressFamily != AddressFamily.InterNetworkV6) return ip.ToString();
        var bytes = ip.GetAddressBytes();
        Array.Clear(bytes, 8, 8);
        return new IPAddress(bytes) + "/64";
    }

    public RateLimitLease Acquire(HttpContext http) => _limiter.AttemptAcquire(http);

    public void Dispose() => _limiter.Dispose();
}

public static class AddressRateLimiting
{
    /// <summary>Before UseAuthentication, so refused requests cost no key lookup.</summary>
    public static IApplicationBuilder UseAddressRateLimit(this IApplicationBuilder app)
    {
        var limit = app.ApplicationServices.GetRequiredService<AddressRateLimit>();
        return app.Use(async (http, next) =>
        {
            using var lease = limit.Acquire(http);
            if (lease.IsAcquired)
            {
                await next(http);
                return;
            }
            var wait = lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter) ? retryAfter : limit.Window;
            await RequestLimits.TooManyRequests(http, wait,
                $"This address may send {limit.Permits} requests per {limit.Window.TotalSeconds:0} s.");
        });
    }
}
