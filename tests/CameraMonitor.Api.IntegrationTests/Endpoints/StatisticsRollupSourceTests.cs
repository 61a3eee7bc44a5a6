using System.Text.Json;
using CameraMonitor.Api.IntegrationTests.Infrastructure;
using CameraMonitor.Api.IntegrationTests.Statistics;

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

    private async Task<(long Detections, long Violations)> TotalsAsync(bool forceDomain)
    {
        var total = JsonDocument.Parse(await api.Client.GetOnPathAsync("/api/v1/records/statistics/summary", forceDomain))
            .RootElement.GetProperty("total");
        return (total.GetProperty("detections").GetInt64(), total.GetProperty("violations").GetInt64());
    }
}
