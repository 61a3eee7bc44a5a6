using CameraMonitor.Api.IntegrationTests.Infrastructure;
using CameraMonitor.Application.Rollout.Routing;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace CameraMonitor.Api.IntegrationTests.Security;

/// <summary>
/// The test server has no sockets, so a start-up filter plays the peer: it takes the connection's address from
/// X-Test-Peer, and reports in the response what the API made of the request (client key, scheme).
/// </summary>
public sealed class ForwardedHeadersTests(ApiFixture api) : IClassFixture<ApiFixture>
{
    private const string Proxy = "10.0.0.1";
    private const string Client = "203.0.113.7";

    [Theory]
    [InlineData(Proxy, Client, "https")]
    [InlineData("10.1.2.3", Client, "https")] // inside KnownNetworks
    [InlineData("10.0.0.2", "10.0.0.2", "http")] // not a configured proxy: its headers are ignored
    [InlineData("127.0.0.1", "127.0.0.1", "http")] // loopback is not trusted unless configured
    public async Task ForwardedHeaders_AreHonouredOnlyFromConfiguredProxies(string peer, string clientKey, string scheme)
    {
        using var host = api.WithServices(services => services.AddTransient<IStartupFilter, PeerFromHeader>())
            .WithWebHostBuilder(b =>
            {
                b.UseSetting("ForwardedHeaders:KnownProxies:0", Proxy);
                b.UseSetting("ForwardedHeaders:KnownNetworks:0", "10.1.0.0/16");
            });
        using var client = host.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/cameras");
        request.Headers.Add(PeerFromHeader.PeerHeader, peer);
        request.Headers.Add("X-Forwarded-For", Client);
        request.Headers.Add("X-Forwarded-Proto", "https");

        using var response = await client.SendAsync(request);

        Assert.Equal((clientKey, scheme), (response.Headers.GetValues(PeerFromHeader.ClientKeyHeader).Single(),
            response.Headers.GetValues(PeerFromHeader.SchemeHeader).Single()));
    }

    private sealed class PeerFromHeader : IStartupFilter
    {
        public const string PeerHeader = "X-Test-Peer";
        public const string ClientKeyHeader = "X-Test-Client-Key";
        public const string SchemeHeader = "X-Test-Scheme";

        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use(async (context, following) =>
            {
                context.Connection.RemoteIpAddress = System.Net.IPAddress.Parse(context.Request.Headers[PeerHeader].ToString());
                context.Response.OnStarting(() =>
                {
                    context.Response.Headers[ClientKeyHeader] = context.RequestServices.GetRequiredService<RequestContext>().ClientKey;
                    context.Response.Headers[SchemeHeader] = context.Request.Scheme;
                    return Task.CompletedTask;
                });
                await following(context);
            });
            next(app);
        };
    }
}
