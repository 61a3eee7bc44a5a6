using System.Net;
using Microsoft.AspNetCore.HttpOverrides;

namespace CameraMonitor.Api.Configuration;

/// <summary>
/// X-Forwarded-For and X-Forwarded-Proto are believed only from the proxies and networks listed in
/// ForwardedHeaders:KnownProxies / KnownNetworks (none by default, loopback included): otherwise any client
/// could pick its own address and with it its rollout bucket, log line and rate-limit partition.
/// </summary>
public static class TrustedProxies
{
    public const string SectionName = "ForwardedHeaders";

    public static IServiceCollection AddTrustedProxies(this IServiceCollection services, IConfiguration configuration)
    {
        var section = configuration.GetSection(SectionName);
        var proxies = section.GetSection("KnownProxies").Get<string[]>() ?? [];
        var networks = section.GetSection("KnownNetworks").Get<string[]>() ?? [];
        return services.Configure<ForwardedHeadersOptions>(options =>
        {
            options.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            options.KnownProxies.Clear();
            options.KnownIPNetworks.Clear();
            foreach (var proxy in proxies)
            {
                options.KnownProxies.Add(IPAddress.Parse(proxy));
            }

            foreach (var network in networks)
            {
                options.KnownIPNetworks.Add(System.Net.IPNetwork.Parse(network));
            }

            options.ForwardLimit = section.GetValue<int?>("ForwardLimit") ?? 1;
        });
    }
}
