using System.Text.Json;
using CameraMonitor.Api.IntegrationTests.Infrastructure;
using CameraMonitor.Api.IntegrationTests.Statistics;
using CameraMonitor.Application.Statistics.Common;
using Microsoft.Extensions.DependencyInjection;
using NSubstitute;
using NSubstitute.ExceptionExtensions;

namespace CameraMonitor.Api.IntegrationTests.Endpoints;

/// <summary>The domain path answers statistics from the rollups, the legacy path from the raw rows.</summary>
public sealed class StatisticsRollupSourceTests(StatisticsApiFixture api) : IClassFixture<StatisticsApiFixture>
{
    [Fact]
    public async Task Summary_OnTheDomainPath_ReadsTheRollupsNotTheRawRows()
    {
        // Raw rows vanish behind the rollups' back: only the legacy path can notice.
        await api.ExecuteAsync("DELETE FROM violations; DELETE FROM detection_records");

        var domain = await TotalsAsync(forceDomain: true);
        var legacy = await TotalsAsync(forceDomain: false);

        Assert.Equal((7L, 11L), domain);
        Assert.Equal((0L, 0L), legacy);
    }

    [Fact]
    public async Task Summary_WhenACameraIsCalledSummary_StillAnswersTheSummary()
    {
        await api.ExecuteAsync("""
            INSERT INTO cameras (id, name, source_url, created_at, updated_at)
            VALUES ('summary', 'Tricky', 'rtsp://127.0.0.1/s', '2026-11-01T00:00:00Z', '2026-11-01T00:00:00Z')
            """);

        var body = JsonDocument.Parse(await api.Client.GetOnPathAsync("/api/v1/records/statistics/summary", forceDomain: true))
            .RootElement;

        Assert.False(body.TryGetProperty("camera_id", out _));
        Assert.True(body.GetProperty("cameras").TryGetProperty("summary", out _));
    }

    [Fact]
    public async Task Daily_WhenTheRollupReadFails_FallsBackToLegacyWithTheSameBody()
    {
        var broken = Substitute.For<IStatisticsReadModel>();
        broken.DailyViolationCountsAsync(default!, default).ThrowsAsyncForAnyArgs(new InvalidOperationException("rollups down"));
        using var factory = api.WithServices(services => services.AddScoped(_ => broken));
        using var client = factory.CreateClient();

        using var response = await client.GetAsync("/api/v1/statistics/daily?force_domain=true");
        var legacyBody = await api.Client.GetOnPathAsync("/api/v1/statistics/daily", forceDomain: false);

        Assert.Equal("legacy-fallback", response.ServedBy());
        Assert.Equal(legacyBody, await response.Content.ReadAsStringAsync());
    }

    private async Task<(long Detections, long Violations)> TotalsAsync(bool forceDomain)
    {
        var total = JsonDocument.Parse(await api.Client.GetOnPathAsync("/api/v1/records/statistics/summary", forceDomain))
            .RootElement.GetProperty("total");
        return (total.GetProperty("detections").GetInt64(), total.GetProperty("violations").GetInt64());
    }
}
