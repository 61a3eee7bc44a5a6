using CameraMonitor.Api.IntegrationTests.Infrastructure;
using CameraMonitor.Api.IntegrationTests.Statistics;

namespace CameraMonitor.Api.IntegrationTests.Endpoints;

/// <summary>
/// Parity on a large, irregular data set: for every statistics view the domain path (rollups) and the legacy
/// path (raw rows) must write the same bytes.
/// </summary>
public sealed class StatisticsParityTests(DemoDataApiFixture api) : IClassFixture<DemoDataApiFixture>
{
    public static TheoryData<string> Views()
    {
        var data = new TheoryData<string>();
        foreach (var period in new[] { "1h", "24h", "7d", "30d" })
        {
            data.Add($"/api/v1/records/statistics/summary?period={period}");
            data.Add($"/api/v1/records/statistics/cam0?period={period}");
        }

        foreach (var camera in new[] { "cam1", "cam2", "cam3" })
        {
            data.Add($"/api/v1/records/statistics/{camera}?start_time=2026-11-01T07:30:00Z&end_time=2026-11-18T00:00:01Z");
        }

        data.Add("/api/v1/statistics/daily?days=1");
        data.Add("/api/v1/statistics/daily?days=90");
        data.Add("/api/v1/statistics/events?camera_id=cam1&status=confirmed&limit=1000");
        data.Add("/api/v1/statistics/events?violation_type=smoking&start_time=2026-11-05T00:00:00Z&limit=7&offset=3");
        data.Add("/api/v1/statistics/history?limit=1000");
        return data;
    }

    [Theory]
    [MemberData(nameof(Views))]
    public async Task DemoData_BothPathsAnswerTheSameBytes(string url)
    {
        var domain = await api.Client.GetOnPathAsync(url, forceDomain: true);
        var legacy = await api.Client.GetOnPathAsync(url, forceDomain: false);

        Assert.Equal(legacy, domain);
    }

    [Fact]
    public async Task DemoData_HasSomethingToCompare()
    {
        var summary = await api.Client.GetOnPathAsync("/api/v1/records/statistics/summary?period=30d", forceDomain: true);

        Assert.DoesNotContain("\"violations\":0,", summary, StringComparison.Ordinal);
    }
}
