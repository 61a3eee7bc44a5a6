using System.Net;
using System.Text.Json;
using CameraMonitor.Api.IntegrationTests.Infrastructure;
using CameraMonitor.Domain.Cameras;
using CameraMonitor.Domain.Common;
using CameraMonitor.Domain.Detections;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
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
    [InlineData(true)]
    [InlineData(false)]
    public async Task ListDetectionRecords_WalkedByCursor_GivesTheOffsetPagesAndALinkToEachNext(bool forceDomain)
    {
        var byOffset = new List<long>();
        for (var offset = 0; offset < 4; offset++)
        {
            var page = JsonDocument.Parse(await api.Client.GetOnPathAsync($"{Url}cam0?limit=1&offset={offset}", forceDomain));
            byOffset.AddRange(page.RootElement.GetProperty("records").EnumerateArray().Select(r => r.GetProperty("id").GetInt64()));
        }

        var path = forceDomain ? "true" : "false";
        var byCursor = new List<long>();
        var url = Url + "cam0?limit=1";
        string? cursor;
        do
        {
            using var response = await api.Client.GetAsync($"{url}&force_domain={path}");
            var page = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
            Assert.Equal(4, page.GetProperty("total").GetInt64());
            byCursor.AddRange(page.GetProperty("records").EnumerateArray().Select(r => r.GetProperty("id").GetInt64()));
            cursor = page.GetProperty("next_cursor").GetString();
            var link = response.Headers.TryGetValues("Link", out var links) ? links.Single() : null;
            Assert.Equal(cursor is null ? null : $"<{Url}cam0?limit=1&force_domain={path}&after={cursor}>; rel=\"next\"", link);
            url = $"{Url}cam0?limit=1&after={cursor}";
        }
        while (cursor is not null);

        Assert.Equal(byOffset, byCursor);
    }

    [Theory]
    [InlineData("")]
    [InlineData("?start_time=2026-11-19T09:00:00Z")]
    [InlineData("?start_time=2026-11-19T09:00:00.000001Z")]
    [InlineData("?end_time=2026-11-20T10:00:00Z")]
    [InlineData("?start_time=2026-11-20T10:00:00Z&end_time=2026-11-20T11:30:00.123456Z")]
    [InlineData("?start_time=2026-11-20T10:00:00Z&end_time=2026-11-20T11:30:00.123455Z")]
    [InlineData("?start_time=2026-11-18T23:59:00Z&end_time=2026-11-20T10:30:00Z")]
    [InlineData("?start_time=2026-11-20T10:15:00Z&end_time=2026-11-20T10:45:00Z")]
    public async Task ListDetectionRecords_TotalFromRollups_EqualsTheLegacyCount(string window)
    {
        var domain = JsonDocument.Parse(await api.Client.GetOnPathAsync(Url + "cam0" + window, forceDomain: true));
        var legacy = JsonDocument.Parse(await api.Client.GetOnPathAsync(Url + "cam0" + window, forceDomain: false));

        Assert.Equal(legacy.RootElement.GetProperty("total").GetInt64(), domain.RootElement.GetProperty("total").GetInt64());
    }

    [Fact]
    public async Task ListDetectionRecords_WhenTheLegacyQueryOutlivesTheStatementTimeout_Answers503AndFreesTheConnection()
    {
        using var factory = api.WithServices(_ => { }).WithWebHostBuilder(b =>
            b.UseSetting("Legacy:StatementTimeoutSeconds", "1"));
        using var client = factory.CreateClient();
        await using var blocker = await api.DataSource.OpenConnectionAsync();
        await using var lockHolder = await blocker.BeginTransactionAsync();
        await using (var lockTable = new NpgsqlCommand("LOCK TABLE detection_records IN ACCESS EXCLUSIVE MODE", blocker, lockHolder))
        {
            await lockTable.ExecuteNonQueryAsync();
        }

        using var timedOut = await client.GetAsync(Url + "cam0?force_domain=false");
        await lockHolder.RollbackAsync();
        using var after = await client.GetAsync(Url + "cam0?force_domain=false");

        var problem = await timedOut.ProblemAsync(HttpStatusCode.ServiceUnavailable);
        Assert.Contains("statement timeout", problem.GetProperty("detail").GetString());
        Assert.True(timedOut.Headers.RetryAfter is not null);
        Assert.Equal(HttpStatusCode.OK, after.StatusCode);
    }

    [Theory]
    [InlineData("cam0?after=yesterday", "after")]
    [InlineData("cam0?after=1_2_3", "after")]
    [InlineData("cam0?after=1795168800000000_1&offset=2", "offset")]
    public async Task ListDetectionRecords_WhenTheCursorIsInvalid_Answers400NamingIt(string query, string field)
    {
        using var response = await api.Client.GetAsync(Url + query);

        var problem = await response.ProblemAsync(HttpStatusCode.BadRequest);
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), problem.ToString());
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
            Arg.Any<int>(), Arg.Any<PageCursor?>(), Arg.Any<CancellationToken>()).ThrowsAsync(new InvalidOperationException("repository down"));
        using var factory = api.WithServices(services => services.AddScoped(_ => broken));
        using var client = factory.CreateClient();

        using var response = await client.GetAsync(Url + "cam0?force_domain=true");
        var legacyBody = await api.Client.GetOnPathAsync(Url + "cam0", forceDomain: false);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("legacy-fallback", response.ServedBy());
        Assert.Equal(legacyBody, await response.Content.ReadAsStringAsync());
    }
}
