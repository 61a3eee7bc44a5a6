using System.Net;
using System.Text.Json;
using CameraMonitor.Api.IntegrationTests.Infrastructure;

namespace CameraMonitor.Api.IntegrationTests.Endpoints;

/// <summary>GET /api/v1/cameras/{camera_id}/stats: rollups (domain) and raw rows (legacy) must agree.</summary>
public sealed class CamerasStatsTests(CamerasStatsFixture api) : IClassFixture<CamerasStatsFixture>
{
    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task GetCameraStats_OfACameraWithActivity_OnBothPaths_MatchesOneSnapshot(bool forceDomain)
    {
        var body = await api.Client.GetOnPathAsync("/api/v1/cameras/cam0/stats", forceDomain);

        HttpAssertions.MatchSharedSnapshot(body, "cam0");
        var stats = JsonDocument.Parse(body).RootElement;
        Assert.Equal(3, stats.GetProperty("total_detections").GetInt64());
        Assert.Equal(4, stats.GetProperty("total_violations").GetInt64());
        Assert.Equal(0.7625, stats.GetProperty("avg_confidence").GetDouble());
        Assert.Equal(30.58, stats.GetProperty("avg_processing_ms").GetDouble());
        Assert.Equal("2026-11-19T10:05:00.25Z", stats.GetProperty("last_detection_at").GetString());
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task GetCameraStats_OfACameraWithoutActivity_OnBothPaths_AnswersZerosAndNulls(bool forceDomain)
    {
        var body = await api.Client.GetOnPathAsync("/api/v1/cameras/cam1/stats", forceDomain);

        HttpAssertions.MatchSharedSnapshot(body, "idle");
        var stats = JsonDocument.Parse(body).RootElement;
        Assert.Equal(0, stats.GetProperty("total_violations").GetInt64());
        Assert.Equal(JsonValueKind.Null, stats.GetProperty("avg_confidence").ValueKind);
        Assert.Equal(JsonValueKind.Null, stats.GetProperty("last_detection_at").ValueKind);
    }

    [Theory]
    [InlineData(true, "nobody")]
    [InlineData(false, "nobody")]
    [InlineData(true, "gone")]
    [InlineData(false, "gone")]
    public async Task GetCameraStats_OfAnUnknownOrDeletedCamera_Answers404EvenWhenRecordsRemain(bool forceDomain, string cameraId)
    {
        using var response = await api.Client.SendOnPathAsync(HttpMethod.Get, $"/api/v1/cameras/{cameraId}/stats", null,
            forceDomain);

        var problem = await response.ProblemAsync(HttpStatusCode.NotFound);
        Assert.Equal(CamerasHttp.PathName(forceDomain), response.ServedBy());
        Assert.Contains(cameraId, problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }
}
