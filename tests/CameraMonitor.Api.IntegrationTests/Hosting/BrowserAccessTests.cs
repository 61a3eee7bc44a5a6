using System.Net;
using CameraMonitor.Api.IntegrationTests.Infrastructure;
using Microsoft.AspNetCore.Mvc.Testing;

namespace CameraMonitor.Api.IntegrationTests.Hosting;

public sealed class BrowserAccessTests(ApiFixture api) : IClassFixture<ApiFixture>
{
    private const string Dashboard = "http://dashboard.test";

    [Fact]
    public async Task ListCameras_FromAnAllowedOrigin_AllowsItAndExposesServedBy()
    {
        using var factory = Allowing(Dashboard);
        using var client = factory.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/cameras?force_domain=true");
        request.Headers.Add("Origin", Dashboard);

        using var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(Dashboard, Assert.Single(response.Headers.GetValues("Access-Control-Allow-Origin")));
        Assert.Contains("X-Served-By", string.Join(",", response.Headers.GetValues("Access-Control-Expose-Headers")),
            StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Preflight_FromAnAllowedOrigin_AllowsThePut()
    {
        using var factory = Allowing(Dashboard);
        using var client = factory.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Options, "/api/v1/cameras/cam0");
        request.Headers.Add("Origin", Dashboard);
        request.Headers.Add("Access-Control-Request-Method", "PUT");
        request.Headers.Add("Access-Control-Request-Headers", "content-type");

        using var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        Assert.Contains("PUT", string.Join(",", response.Headers.GetValues("Access-Control-Allow-Methods")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ListCameras_FromAnOriginNotListed_GetsNoCorsHeaders()
    {
        using var factory = Allowing(Dashboard);
        using var client = factory.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/cameras");
        request.Headers.Add("Origin", "http://elsewhere.test");

        using var response = await client.SendAsync(request);

        Assert.False(response.Headers.Contains("Access-Control-Allow-Origin"));
    }

    [Fact]
    public async Task ListCameras_WithNoOriginsConfigured_GetsNoCorsHeaders()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/cameras");
        request.Headers.Add("Origin", Dashboard);

        using var response = await api.Client.SendAsync(request);

        Assert.False(response.Headers.Contains("Access-Control-Allow-Origin"));
    }

    private WebApplicationFactory<Program> Allowing(string origin) =>
        api.Factory.WithWebHostBuilder(builder => builder.UseSetting("Cors:AllowedOrigins:0", origin));
}
