using CameraMonitor.Application.Statistics.Common;
using CameraMonitor.Application.Statistics.Summary;

namespace CameraMonitor.Benchmarks;

internal static class SummaryFixture
{
    private static readonly PeriodStatistics Empty = new(0, 0, 0, null, 0, new Dictionary<string, long>(), new Dictionary<string, long>(), 0);

    public static readonly Task<StatisticsSummaryResponse> Answer = Task.FromResult(new StatisticsSummaryResponse(
        "24h", DateTime.UnixEpoch, DateTime.UnixEpoch.AddDays(1), new Dictionary<string, PeriodStatistics> { ["cam0"] = Empty }, Empty));
}
