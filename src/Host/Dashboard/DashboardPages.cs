using Microsoft.Extensions.FileProviders;

namespace Tracker.Host.Dashboard;

/// <summary>
/// The dashboard: static files from wwwroot, and the one page (index.html) at <c>/</c> and
/// <c>/authorities/{code-or-slug}</c>. Only those paths get the page, so unknown <c>/api/…</c> paths still answer 404
/// problems. The page reads the public API with fetch, so it follows the API's rules (anonymous reads when on).
/// </summary>
public static class DashboardPages
{
    /// <summary>
    /// For the page itself: its own scripts, styles and API only (no inline script, no CDN), and still never framed.
    /// Other answers keep the API's <c>frame-ancestors 'none'</c> alone, which leaves /scalar's own page working.
    /// </summary>
    public const string PagePolicy = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; " +
        "connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

    public static bool IsPage(PathString path) =>
        path == "/" || (path.StartsWithSegments("/authorities", out var rest)
                        && rest.Value is { Length: > 1 } r && r.IndexOf('/', 1) < 0);

    public static IApplicationBuilder UseDashboardFiles(this IApplicationBuilder app) =>
        app.UseStaticFiles(new StaticFileOptions
    {
        // No fingerprints in the asset names: revalidate each time (ETag / Last-Modified make that a 304).
        OnPrepareResponse = ctx => ctx.Context.Response.Headers.CacheControl = "no-cache",
    });

    public static WebApplication MapDashboard(this WebApplication app)
    {
        app.MapMethods("/", ["GET", "HEAD"], Page).ExcludeFromDescription();
        app.MapMethods("/authorities/{authority}", ["GET", "HEAD"], Page).ExcludeFromDescription();
        return app;
    }

    private static IResult Page(HttpContext http, IWebHostEnvironment env)
    {
        var file = env.WebRootFileProvider.GetFileInfo("index.html");
        if (!file.Exists) return Results.Problem(statusCode: 404, title: "Dashboard not installed",
            detail: "wwwroot/index.html is missing from this build; the API is unaffected.");
        http.Response.Headers.CacheControl = "no-cache";
        return Results.Stream(file.CreateReadStream(), "text/html; charset=utf-8", lastModified: file.LastModified);
    }
}
