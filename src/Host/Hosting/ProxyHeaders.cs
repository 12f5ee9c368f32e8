using System.Net;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.Extensions.Options;

namespace Tracker.Host.Hosting;

/// <summary>
/// X-Forwarded-For/Proto from a reverse proxy, honoured only when it comes from a proxy listed under
/// <c>Tracker:ForwardedHeaders</c>. With none listed the middleware is not installed at all: ASP.NET Core trusts every
/// sender once both lists are empty, which would let any client choose its own address (and its rate-limit partition).
/// </summary>
public static class ProxyHeaders
{
    private const string Section = "Tracker:ForwardedHeaders";

    public static WebApplicationBuilder AddProxyHeaders(this WebApplicationBuilder builder)
    {
        // Read when the options are first built, from the final configuration (test hosts add settings late).
        builder.Services.AddOptions<ForwardedHeadersOptions>().Configure<IConfiguration>((o, configuration) =>
        {
            var section = configuration.GetSection(Section);
            o.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            // The defaults trust loopback; only what is configured is trusted here.
            o.KnownProxies.Clear();
            o.KnownIPNetworks.Clear();
            foreach (var p in List(section, "KnownProxies"))
                o.KnownProxies.Add(IPAddress.TryParse(p, out var ip) ? ip : throw Invalid(p, "KnownProxies"));
            foreach (var n in List(section, "KnownNetworks"))
                o.KnownIPNetworks.Add(
                    System.Net.IPNetwork.TryParse(n, out var net) ? net : throw Invalid(n, "KnownNetworks"));
            o.ForwardLimit = section.GetValue("ForwardLimit", 1);
        });
        return builder;
    }

    /// <summary>
    /// Installed only when a proxy or network is trusted; reading the options here fails a bad setting at startup.
    /// </summary>
    public static IApplicationBuilder UseProxyHeaders(this IApplicationBuilder app)
    {
        var options = app.ApplicationServices.GetRequiredService<IOptions<ForwardedHeadersOptions>>().Value;
        return options.KnownProxies.Count + options.KnownIPNetworks.Count == 0 ? app : app.UseForwardedHeaders();
    }

    /// <summary>An array (<c>KnownProxies:0</c>, …) or one comma-separated value (handy in an env variable).</summary>
    private static List<string> List(IConfigurationSection section, string key)
    {
        var child = section.GetSection(key);
        // Some configuration sources give a parent key an empty value: only a non-blank value is a list.
        var items = !string.IsNullOrWhiteSpace(child.Value)
            ? child.Value.Split(',')
            : child.GetChildren().Select(c => c.Value ?? "");
        return items.Select(i => i.Trim()).Where(i => i.Length > 0).ToList();
    }

    private static InvalidOperationException Invalid(string text, string key) =>
        new($"{Section}:{key} holds '{text}', which is not an IP address or CIDR network.");
}
