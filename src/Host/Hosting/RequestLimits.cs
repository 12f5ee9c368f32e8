using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.RateLimiting;
using Tracker.Host.Security;

namespace Tracker.Host.Hosting;

/// <summary>Body size (413), per-caller rate limits (429 with Retry-After) and security headers, for every request.</summary>
public static class RequestLimits
{
    public static WebApplicationBuilder AddRequestLimits(this WebApplicationBuilder builder)
    {
        // Checked at start (HostOptionsValidation); read here once because the limiter is built once.
        var rate = builder.Configuration.GetSection(RateLimitOptions.Section).Get<RateLimitOptions>() ?? new();
        var (permits, window) = (rate.PermitsPerWindow, TimeSpan.FromSeconds(rate.WindowSeconds));
        builder.Services.AddRateLimiter(o =>
        {
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            o.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(http =>
                http.Request.Path.StartsWithSegments("/health")
                    ? RateLimitPartition.GetNoLimiter("health")
                    : RateLimitPartition.GetFixedWindowLimiter(CallerOf(http), _ => new FixedWindowRateLimiterOptions
                    {
                        PermitLimit = permits, Window = window, QueueLimit = 0, AutoReplenishment = true,
                    }));
            o.OnRejected = (ctx, _) => new ValueTask(TooManyRequests(ctx.HttpContext,
                ctx.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : window,
                $"This caller may send {permits} requests per {window.TotalSeconds:0} s."));
        });
        builder.Services.AddSingleton<AddressRateLimit>();
        return builder;
    }

    /// <summary>A 429 problem with Retry-After in whole seconds (at least 1).</summary>
    public static Task TooManyRequests(HttpContext http, TimeSpan retryAfter, string limit)
    {
        http.Response.Headers.RetryAfter =
            Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(System.Globalization.CultureInfo.InvariantCulture);
        return Results.Problem(statusCode: 429, title: "Too many requests",
            detail: $"{limit} Retry after the number of seconds in Retry-After.",
            extensions: new Dictionary<string, object?> { ["code"] = "rate_limited" }).ExecuteAsync(http);
    }

    /// <summary>Who a request counts against: its key (or token subject) when authenticated, else its address.</summary>
    public static string CallerOf(HttpContext http) =>
        http.User.FindFirst(ApiKeyAuthentication.KeyIdClaim)?.Value is { } keyId ? $"key:{keyId}"
        : http.User.Identity is { IsAuthenticated: true, Name: { } name } ? $"user:{name}"
        : $"ip:{http.Connection.RemoteIpAddress}";

    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app) => app.Use((http, next) =>
    {
        // OnStarting: the exception handler clears headers set earlier, and problems need these too.
        http.Response.OnStarting(() =>
        {
            var headers = http.Response.Headers;
            headers.XContentTypeOptions = "nosniff";
            headers.XFrameOptions = "DENY";
            headers.ContentSecurityPolicy = Dashboard.DashboardPages.IsPage(http.Request.Path)
                ? Dashboard.DashboardPages.PagePolicy
                : "frame-ancestors 'none'";
            headers["Referrer-Policy"] = "no-referrer";
            return Task.CompletedTask;
        });
        return next(http);
    });

    /// <summary>
    /// Caps request bodies: 1 MB by default, more under /api/imports. Kestrel enforces it through the body-size feature;
    /// where that feature is absent (in-process test servers) the body stream is wrapped so the cap holds there too.
    /// </summary>
    public static IApplicationBuilder UseBodySizeLimit(this IApplicationBuilder app, IConfiguration configuration)
    {
        var limits = configuration.GetSection(BodyLimitOptions.Section).Get<BodyLimitOptions>() ?? new();
        var (commandLimit, importLimit) = (limits.MaxBodyBytes, limits.MaxImportBodyBytes);
        return app.Use(async (http, next) =>
        {
            // Only the import upload itself takes large bodies; everything under it (attribution) is a small command.
            var limit = http.Request.Path.Value?.TrimEnd('/') == "/api/imports" ? importLimit : commandLimit;
            if (http.Request.ContentLength > limit)
            {
                await TooLarge(limit).ExecuteAsync(http);
                return;
            }
            var feature = http.Features.Get<IHttpMaxRequestBodySizeFeature>();
            if (feature is { IsReadOnly: false }) feature.MaxRequestBodySize = limit;
            else http.Request.Body = new CappedStream(http.Request.Body, limit);
            await next(http);
        });
    }

    public static IResult TooLarge(long limit) => Results.Problem(statusCode: 413, title: "Request body too large",
        detail: $"Request bodies are limited to {limit} bytes here.", extensions: new Dictionary<string, object?> { ["code"] = "body_too_large" });
}
