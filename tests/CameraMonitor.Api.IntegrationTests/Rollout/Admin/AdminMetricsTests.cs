using System.Text.Json;
using CameraMonitor.Api.IntegrationTests.Infrastructure;
using CameraMonitor.Domain.Cameras;
using CameraMonitor.Infrastructure.Persistence.Repositories;
using Microsoft.Extensions.DependencyInjection;
using NSubstitute;

namespace CameraMonitor.Api.IntegrationTests.Rollout.Admin;

public sealed class AdminMetricsTests(ApiFixture api) : IClassFixture<ApiFixture>
{
    private const int N = 3;

    [Fact]
    public async Task Metrics_AfterNRequestsOnEachPath_ReadN_AndTheDomainPathCountsTheFailuresFallbacksHid()
    {
        var failing = false;
        using var host = api.WithServices(services => services.AddScoped(p =>
        {
            var real = ActivatorUtilities.CreateInstance<CameraRepository>(p);
            var repository = Substitute.For<ICameraRepository>();
            repository.ListAsync(Arg.Any<CancellationToken>()).Returns(call =>
                failing ? throw new InvalidOperationException("repository down") : real.ListAsync(call.Arg<CancellationToken>()));
            return repository;
        }));
        using var client = host.CreateClient();
        for (var i = 0; i < N; i++)
        {
            await client.GetOnPathAsync("/api/v1/cameras", forceDomain: true);
            await client.GetOnPathAsync("/api/v1/cameras", forceDomain: false);
        }

        failing = true;
        for (var i = 0; i < N; i++)
        {
            Assert.Equal("legacy-fallback", (await client.GetAsync("/api/v1/cameras?force_domain=true")).ServedBy());
        }

        using var reader = api.CreateClientWithKey(ApiFixture.ReaderKey, host);
        var metrics = await reader.GetJsonAsync($"{AdminApi.Prefix}/metrics");

        Assert.Equal(ApiFixture.Now.UtcDateTime, metrics.GetProperty("window_to").GetDateTime().ToUniversalTime());
        Assert.Equal(ApiFixture.Now.UtcDateTime.AddMinutes(-15), metrics.GetProperty("window_from").GetDateTime().ToUniversalTime());
        var cameras = metrics.GetProperty("endpoints").EnumerateArray().Single(e => e.GetProperty("endpoint").GetString() == "ListCameras");
        Assert.Equal(N, cameras.GetProperty("fallbacks").GetInt64());
        AssertPath(cameras, "domain", requests: 2 * N, errors: N);
        AssertPath(cameras, "legacy", requests: N, errors: 0);
        AssertPath(cameras, "legacy-fallback", requests: N, errors: 0);
        // Every one of those requests was steered by force_domain: none is evidence about the percentage split.
        Assert.All(cameras.GetProperty("split").EnumerateArray(), p => Assert.Equal(0, p.GetProperty("requests").GetInt64()));
        Assert.Equal(2 * N, cameras.GetProperty("steered").EnumerateArray().Single(p => p.GetProperty("path").GetString() == "domain")
            .GetProperty("requests").GetInt64());
    }

    private static void AssertPath(JsonElement endpoint, string path, int requests, int errors)
    {
        var row = endpoint.GetProperty("paths").EnumerateArray().Single(p => p.GetProperty("path").GetString() == path);
        Assert.Equal(requests, row.GetProperty("requests").GetInt64());
        Assert.Equal(errors, row.GetProperty("errors").GetInt64());
        Assert.Equal(requests, row.GetProperty("window_samples").GetInt64());
        var (p50, p95, p99) = (row.GetProperty("p50_ms").GetDouble(), row.GetProperty("p95_ms").GetDouble(), row.GetProperty("p99_ms").GetDouble());
        Assert.True(p50 >= 0 && p50 <= p95 && p95 <= p99, row.ToString());
    }
}
