using System.Net;
using System.Text.Json;
using CameraMonitor.Api.Endpoints;
using CameraMonitor.Api.IntegrationTests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace CameraMonitor.Api.IntegrationTests.Endpoints;

/// <summary>The bare summary of scripts/bench_hotpath.sh exists only behind its switch, and never in Production.</summary>
public sealed class BenchmarkEndpointsTests(ApiFixture api) : IClassFixture<ApiFixture>
{
    private const string Pipelined = "/api/v1/records/statistics/summary?period=30d&force_domain=true";
    private const string Bare = BenchmarkEndpoints.BareSummaryRoute + "?period=30d";

    [Fact]
    public async Task BareSummary_WithoutTheSwitch_IsNotMapped()
    {
        using var response = await Client(api.Factory).GetAsync(Bare);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task BareSummary_WithTheSwitch_AnswersWhatTheDomainPathAnswers_AndNeedsAKey()
    {
        using var host = Switched("Testing");
        using var client = Client(host);

        var bare = await client.GetStringAsync(Bare);
        var pipelined = await client.GetStringAsync(Pipelined);

        Assert.Equal(JsonDocument.Parse(pipelined).RootElement.ToString(), JsonDocument.Parse(bare).RootElement.ToString());
        using var anonymous = host.CreateClient();
        anonymous.DefaultRequestHeaders.Remove(AuthenticatedApiFactory.ApiKeyHeader);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync(Bare)).StatusCode);
    }

    [Fact]
    public async Task BareSummary_InProduction_IsNotMappedEvenWithTheSwitch()
    {
        using var host = Switched("Production");

        using var response = await Client(host).GetAsync(Bare);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    private WebApplicationFactory<Program> Switched(string environment) => api.WithServices(_ => { }).WithWebHostBuilder(b =>
    {
        b.UseEnvironment(environment);
        b.UseSetting(BenchmarkEndpoints.SwitchKey, "true");
    });

    // Not the contract-validating client (the bare route is deliberately not in the OpenAPI document); the factory's
    // own client already sends the fixture's every-role key.
    private static HttpClient Client(WebApplicationFactory<Program> host) => host.CreateClient();
}
