using System.Diagnostics;

namespace Tracker.Host.Hosting;

/// <summary>
/// One structured line per HTTP request (category <c>Tracker.AccessLog</c>): method, path, status, elapsed
/// milliseconds and the authenticated caller (<c>key:&lt;name&gt;</c> or a token's subject; <c>-</c> when anonymous).
/// The query string is never logged (it is where a careless client puts a key), nor any header or body. On by
/// default; <c>Tracker:AccessLog:Enabled=false</c> turns it off (read per request, so no restart is needed).
/// </summary>
public static partial class AccessLog
{
    public const string Category = "Tracker.AccessLog";
    public const string EnabledKey = "Tracker:AccessLog:Enabled";

    /// <summary>First in the pipeline: it times everything and sees the status the exception handler wrote.</summary>
    public static IApplicationBuilder UseAccessLog(this IApplicationBuilder app)
    {
        var log = app.ApplicationServices.GetRequiredService<ILoggerFactory>().CreateLogger(Category);
        var configuration = app.ApplicationServices.GetRequiredService<IConfiguration>();
        return app.Use(async (http, next) =>
        {
            if (!configuration.GetValue(EnabledKey, true) || !log.IsEnabled(LogLevel.Information))
            {
                await next(http);
                return;
            }
            var started = Stopwatch.GetTimestamp();
            var status = 500; // what the client gets if the pipeline throws past everything
            try
            {
                await next(http);
                status = http.Response.StatusCode;
            }
            finally
            {
                var elapsed = Math.Round(Stopwatch.GetElapsedTime(started).TotalMilliseconds, 1);
                var caller = http.User.Identity is { IsAuthenticated: true, Name: { Length: > 0 } name } ? name : "-";
                Request(log, http.Request.Method, http.Request.PathBase + http.Request.Path, status, elapsed, caller);
            }
        });
    }

    [LoggerMessage(EventId = 1, EventName = "HttpRequest", Level = LogLevel.Information,
        Message = "{Method} {Path} {StatusCode} {ElapsedMs} ms {Caller}")]
    private static partial void Request(ILogger log, string method, string path, int statusCode, double elapsedMs,
        string caller);
}
