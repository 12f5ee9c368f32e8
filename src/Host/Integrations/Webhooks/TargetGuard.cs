using System.Net;
using System.Net.Sockets;

namespace Tracker.Host.Integrations.Webhooks;

/// <summary>
/// Refuses webhook targets on loopback, private, link-local or unspecified addresses (SSRF) unless configuration
/// allows them. Checked when a subscription is created and again on every connection, so DNS rebinding cannot pass.
/// </summary>
public static class TargetGuard
{
    public static bool IsPrivate(IPAddress ip)
    {
        if (ip.IsIPv4MappedToIPv6) ip = ip.MapToIPv4();
        if (IPAddress.IsLoopback(ip) || ip.Equals(IPAddress.Any) || ip.Equals(IPAddress.IPv6Any) || ip.Equals(IPAddress.IPv6None)) return true;
        if (ip.AddressFamily == AddressFamily.InterNetworkV6)
            return ip.IsIPv6LinkLocal || ip.IsIPv6SiteLocal || ip.IsIPv6UniqueLocal || ip.IsIPv6Multicast;
        var b = ip.GetAddressBytes();
        return b[0] == 10 || b[0] == 0 || b[0] >= 224
            || (b[0] == 172 && b[1] >= 16 && b[1] <= 31)
            || (b[0] == 192 && b[1] == 168)
            || (b[0] == 169 && b[1] == 254)
            || (b[0] == 100 && b[1] >= 64 && b[1] <= 127);
    }

    public const string PrivateRefusal = "Targets on loopback, private or link-local addresses are not allowed.";

    /// <summary>Returns a reason the URL is refused, or null.</summary>
    public static Task<string?> CheckAsync(string? url, bool allowPrivate, CancellationToken ct) =>
        CheckAsync(url, allowPrivate, DnsHostResolver.Instance, ct);

    /// <summary>Every address the name resolves to must be public: a name is refused if any of them is private.</summary>
    public static async Task<string?> CheckAsync(string? url, bool allowPrivate, IHostResolver resolver, CancellationToken ct)
    {
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp))
            return "url must be an absolute http or https URL.";
        if (!string.IsNullOrEmpty(uri.UserInfo)) return "url must not carry credentials.";
        if (allowPrivate) return null;
        IPAddress[] addresses;
        try { addresses = IPAddress.TryParse(uri.DnsSafeHost, out var ip) ? [ip] : await resolver.ResolveAsync(uri.DnsSafeHost, ct); }
        catch (SocketException) { return $"The host {uri.DnsSafeHost} does not resolve."; }
        return addresses.Length == 0 ? $"The host {uri.DnsSafeHost} does not resolve." : addresses.Any(IsPrivate) ? PrivateRefusal : null;
    }

    /// <summary>
    /// A connection callback that resolves the name again and dials only public addresses, so a name that resolved to a
    /// public address at subscription time and to a private one now (DNS rebinding) is refused at delivery.
    /// </summary>
    public static async ValueTask<Stream> ConnectAsync(SocketsHttpConnectionContext context, bool allowPrivate,
        IHostResolver resolver, CancellationToken ct)
    {
        var addresses = IPAddress.TryParse(context.DnsEndPoint.Host, out var literal)
            ? [literal]
            : await resolver.ResolveAsync(context.DnsEndPoint.Host, ct);
        var allowed = addresses.Where(a => allowPrivate || !IsPrivate(a)).ToArray();
        if (allowed.Length == 0) throw new HttpRequestException($"Refused webhook target {context.DnsEndPoint.Host}: private address.");
        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            await socket.ConnectAsync(allowed, context.DnsEndPoint.Port, ct);
            return new NetworkStream(socket, ownsSocket: true);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }
}
