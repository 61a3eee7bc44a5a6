using System.Net;
using CameraMonitor.Api.IntegrationTests.Endpoints;
using CameraMonitor.Api.IntegrationTests.Infrastructure;

namespace CameraMonitor.Api.IntegrationTests.Faults;

/// <summary>The edge contract by example: unknown members, binding errors, unstorable text, time bounds, unknown cameras.</summary>
public sealed class EdgeValidationTests(ApiFixture api) : IClassFixture<ApiFixture>
{
    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task UpdateCamera_WithAMisspeltMember_Answers400NamingItAndChangesNothing(bool forceDomain)
    {
        var before = await api.ScalarAsync<DateTime>("SELECT updated_at FROM cameras WHERE id = 'cam1'");

        using var response = await api.Client.SendOnPathAsync(HttpMethod.Put, CamerasHttp.Url + "/cam1", """{"stauts": "offline"}""",
            forceDomain);

        var problem = await response.ProblemAsync(HttpStatusCode.BadRequest);
        Assert.True(problem.GetProperty("errors").TryGetProperty("stauts", out _), problem.ToString());
        Assert.Equal(before, await api.ScalarAsync<DateTime>("SELECT updated_at FROM cameras WHERE id = 'cam1'"));
    }

    [Theory]
    [InlineData("/api/v1/records/detection-records/cam0?start_time=yesterday", "start_time")]
    [InlineData("/api/v1/records/detection-records/cam0?limit=99999999999999", "limit")]
    [InlineData("/api/v1/cameras?enabled=maybe", "enabled")]
    public async Task QueryBindingError_Answers400NamingTheParameterWithoutTypeNames(string url, string field)
    {
        using var response = await api.Client.GetAsync(url);

        var problem = await response.ProblemAsync(HttpStatusCode.BadRequest);
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), problem.ToString());
        Assert.DoesNotContain("Nullable", problem.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("DateTimeOffset", problem.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("Int32", problem.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{"id": "nul-cam", "name": "Bad\u0000name", "source_url": "rtsp://127.0.0.1/n"}""", "name")]
    [InlineData("""{"id": "nul-cam", "name": "Fine", "location": "Hall\u0000", "source_url": "rtsp://127.0.0.1/n"}""", "location")]
    public async Task CreateCamera_WithTextPostgresCannotStore_Answers400OnBothPaths(string body, string field)
    {
        foreach (var forceDomain in new[] { true, false })
        {
            using var response = await api.Client.SendOnPathAsync(HttpMethod.Post, CamerasHttp.Url, body, forceDomain);

            var problem = await response.ProblemAsync(HttpStatusCode.BadRequest);
            Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), problem.ToString());
        }
    }

    [Theory]
    [InlineData("notes=a%00b", "notes")]
    [InlineData("handled_by=%00", "handled_by")]
    public async Task ReviewViolation_WithANulCharacter_Answers400(string query, string field)
    {
        using var response = await api.Client.PutAsync($"/api/v1/records/violations/1/status?status=confirmed&{query}", null);

        var problem = await response.ProblemAsync(HttpStatusCode.BadRequest);
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), problem.ToString());
    }

    [Theory]
    [InlineData("/api/v1/records/statistics/cam0?start_time=0001-01-01T00:00:00Z&end_time=9999-12-31T23:59:59Z", "start_time")]
    [InlineData("/api/v1/records/statistics/cam0?start_time=2026-01-01T00:00:00Z&end_time=9999-12-31T23:59:59Z", "end_time")]
    [InlineData("/api/v1/records/detection-records/cam0?end_time=1999-12-31T23:59:59Z", "end_time")]
    public async Task Timestamps_OutsideTheDocumentedRange_Answer400(string url, string field)
    {
        using var response = await api.Client.GetAsync(url);

        var problem = await response.ProblemAsync(HttpStatusCode.BadRequest);
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), problem.ToString());
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task DetectionRecords_OfADeletedCameraWithRecords_StayReadable(bool forceDomain)
    {
        await api.ExecuteAsync("""
            INSERT INTO cameras (id, name, location, source_url, enabled, status, created_at, updated_at)
            VALUES ('gone-cam', 'Gone', '', 'rtsp://127.0.0.1/g', true, 'online', '2026-10-01T00:00:00Z', '2026-10-01T00:00:00Z')
            ON CONFLICT DO NOTHING;
            INSERT INTO detection_records (camera_id, detected_at, person_count, objects, processing_ms)
            SELECT 'gone-cam', '2026-11-01T00:00:00Z', 1, '[]', 3
             WHERE NOT EXISTS (SELECT 1 FROM detection_records WHERE camera_id = 'gone-cam');
            DELETE FROM cameras WHERE id = 'gone-cam';
            SELECT rebuild_hourly_rollups(); -- rows inserted by hand, not by ingest: the domain path counts from the rollups
            """);

        var body = await api.Client.GetOnPathAsync("/api/v1/records/detection-records/gone-cam", forceDomain);

        Assert.Contains("\"total\":1", body, StringComparison.Ordinal);
    }
}
