using System.Text.Json;
using CameraMonitor.Api.IntegrationTests.Infrastructure;

namespace CameraMonitor.Api.IntegrationTests.Endpoints;

/// <summary>On realistic volumes the rollup-based domain path and the raw-row legacy path still answer identically.</summary>
public sealed class CamerasDemoStatsTests(CamerasDemoDataFixture api) : IClassFixture<CamerasDemoDataFixture>
{
    [Theory]
    [InlineData("cam0")]
    [InlineData("cam1")]
    [InlineData("cam2")]
    [InlineData("cam3")]
    public async Task GetCameraStats_OnDemoData_BothPathsAnswerTheSameBody(string cameraId)
    {
        var url = $"/api/v1/cameras/{cameraId}/stats";

        var domain = await api.Client.GetOnPathAsync(url, forceDomain: true);
        var legacy = await api.Client.GetOnPathAsync(url, forceDomain: false);

        Assert.Equal(legacy, domain);
        Assert.True(JsonDocument.Parse(domain).RootElement.GetProperty("total_violations").GetInt64() > 0);
    }
}
