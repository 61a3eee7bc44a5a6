using System.Net;
using CameraMonitor.Api.IntegrationTests.Infrastructure;

namespace CameraMonitor.Api.IntegrationTests.Endpoints;

/// <summary>Malformed camera ids in the path are a 400 naming camera_id: never a 404, 405 or 500.</summary>
public sealed class CamerasRouteTests(ApiFixture api) : IClassFixture<ApiFixture>
{
    public static TheoryData<string, string> BadIdRequests()
    {
        string[] ids = ["Cam0", "CAM0", "cam%200", "cam%20", "%20cam", "a..b", "cam.0", new string('a', 65), "a%2Fb",
            "cam%2F..%2Fcam1", "-cam", "_cam", "kamera%C3%A9", "cam0%0A"];
        var data = new TheoryData<string, string>();
        foreach (var id in ids)
        {
            data.Add("PUT", $"/api/v1/cameras/{id}");
            data.Add("DELETE", $"/api/v1/cameras/{id}");
            data.Add("GET", $"/api/v1/cameras/{id}/stats");
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(BadIdRequests))]
    public async Task CameraRoutes_WhenTheIdIsNotASlug_Answer400NamingCameraId(string method, string url)
    {
        using var response = await api.Client.SendOnPathAsync(new HttpMethod(method), url,
            method == "PUT" ? """{"name": "x"}""" : null, forceDomain: null);

        var problem = await response.ProblemAsync(HttpStatusCode.BadRequest);
        Assert.True(problem.GetProperty("errors").TryGetProperty("camera_id", out _), problem.ToString());
    }

    [Theory]
    [InlineData("PUT")]
    [InlineData("DELETE")]
    [InlineData("GET")]
    public async Task CameraRoutes_WhenTheIdIsADotDotSegment_AnswerAClientErrorNotAServerError(string method)
    {
        // HttpClient and servers resolve a literal ".." segment before routing; the escaped form must not reach a 500.
        var url = method == "GET" ? "/api/v1/cameras/%2E%2E/stats" : "/api/v1/cameras/%2E%2E";

        using var response = await api.Client.SendOnPathAsync(new HttpMethod(method), url,
            method == "PUT" ? """{"name": "x"}""" : null, forceDomain: null);

        Assert.InRange((int)response.StatusCode, 400, 499);
        Assert.Equal(0L, await api.ScalarAsync<long>("SELECT count(*) FROM cameras WHERE name = 'x'"));
    }

    [Fact]
    public async Task CameraRoutes_WhenTheIdHas64Characters_IsAcceptedAsAnId()
    {
        using var response = await api.Client.SendOnPathAsync(HttpMethod.Delete, "/api/v1/cameras/" + new string('a', 64),
            null, forceDomain: null);

        await response.ProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task GetStatsWithoutACameraId_IsALookupOfACameraCalledStats()
    {
        using var response = await api.Client.GetAsync("/api/v1/cameras/stats");

        // GET /cameras/{camera_id} reads one camera: "stats" is a valid slug that names no camera here.
        var problem = await response.ProblemAsync(HttpStatusCode.NotFound);
        Assert.False(problem.TryGetProperty("errors", out _));
    }

    [Fact]
    public async Task GetConsistency_IsTheMirrorCheckNotACameraId()
    {
        using var response = await api.Client.GetAsync("/api/v1/cameras/consistency");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("\"consistent\"", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}
