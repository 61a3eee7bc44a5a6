using System.Net;
using CameraMonitor.Api.IntegrationTests.Infrastructure;
using CameraMonitor.Domain.Cameras;
using CameraMonitor.Domain.Detections;
using Microsoft.Extensions.DependencyInjection;
using NSubstitute;
using NSubstitute.ExceptionExtensions;

namespace CameraMonitor.Api.IntegrationTests.Endpoints;

public sealed class DetectionRecordsTests(DetectionRecordsFixture api) : IClassFixture<DetectionRecordsFixture>
{
    private const string Url = "/api/v1/records/detection-records/";

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task ListDetectionRecords_OnBothPaths_MatchesOneSnapshot(bool forceDomain)
    {
        var body = await api.Client.GetOnPathAsync(Url + "cam0", forceDomain);

        HttpAssertions.MatchSharedSnapshot(body, "cam0_all");
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task ListDetectionRecords_WithTimeWindowAndPaging_OnBothPaths_CountsTheFilteredSet(bool forceDomain)
    {
        var body = await api.Client.GetOnPathAsync(
            Url + "cam0?start_time=2026-11-20T00:00:00Z&end_time=2026-11-20T10:00:00Z&limit=1&offset=1", forceDomain);

        HttpAssertions.MatchSharedSnapshot(body, "cam0_window_page");
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task ListDetectionRecords_OfADeletedCamera_StillReadable(bool forceDomain)
    {
        var body = await api.Client.GetOnPathAsync(Url + "gone_cam", forceDomain);

        HttpAssertions.MatchSharedSnapshot(body, "deleted_camera");
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task ListDetectionRecords_OfACameraThatNeverExisted_Answers404LikeTheStats(bool forceDomain)
    {
        using var response = await api.Client.GetAsync($"{Url}never_seen?limit=10&offset=5&force_domain={forceDomain}");

        var problem = await response.ProblemAsync(HttpStatusCode.NotFound);
        Assert.Equal("Camera 'never_seen' was not found.", problem.GetProperty("detail").GetString());
    }

    [Theory]
    [InlineData("cam0?limit=0", "limit")]
    [InlineData("cam0?limit=1001", "limit")]
    [InlineData("cam0?offset=-1", "offset")]
    [InlineData("cam0?start_time=2026-11-20T12:00:00Z&end_time=2026-11-20T11:00:00Z", "start_time")]
    [InlineData("Cam_0", "camera_id")]
    [InlineData("cam0%20x", "camera_id")]
    public async Task ListDetectionRecords_WhenAParameterIsOutOfRange_Answers400NamingTheField(string query, string field)
    {
        foreach (var forceDomain in new[] { "true", "false" })
        {
            using var response = await api.Client.GetAsync($"{Url}{query}{(query.Contains('?') ? '&' : '?')}force_domain={forceDomain}");

            var problem = await response.ProblemAsync(HttpStatusCode.BadRequest);
            Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), problem.ToString());
        }
    }

    [Theory]
    [InlineData("cam0?limit=abc")]
    [InlineData("cam0?start_time=yesterday")]
    [InlineData("cam0?end_time=2026-13-45")]
    public async Task ListDetectionRecords_WhenAParameterIsMalformed_Answers400(string query)
    {
        using var response = await api.Client.GetAsync(Url + query);

        await response.ProblemAsync(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task ListDetectionRecords_WhenTheDomainRepositoryFails_FallsBackToLegacyWithTheSameBody()
    {
        var broken = Substitute.For<IDetectionRecordRepository>();
        broken.ListByCameraAsync(Arg.Any<CameraId>(), Arg.Any<DateTimeOffset?>(), Arg.Any<DateTimeOffset?>(), Arg.Any<int>(),
            Arg.Any<int>(), Arg.Any<CancellationToken>()).ThrowsAsync(new InvalidOperationException("repository down"));
        using var factory = api.WithServices(services => services.AddScoped(_ => broken));
        using var client = factory.CreateClient();

        using var response = await client.GetAsync(Url + "cam0?force_domain=true");
        var legacyBody = await api.Client.GetOnPathAsync(Url + "cam0", forceDomain: false);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("legacy-fallback", response.ServedBy());
        Assert.Equal(legacyBody, await response.Content.ReadAsStringAsync());
    }
}
