using CameraMonitor.Application.Statistics.Common;

namespace CameraMonitor.Application.Statistics.Summary;

/// <summary>
/// The summary computed from any statistics source: rollups on the domain path, raw rows on the legacy
/// path. Every registered camera is listed (zeros when quiet), plus any unregistered one with data
/// (the records of a deleted camera are kept).
/// </summary>
public static class StatisticsSummaryReport
{
    public static async Task<StatisticsSummaryResponse> BuildAsync(IStatisticsReadModel source,
        GetStatisticsSummaryQuery query, TimeProvider clock, CancellationToken cancellationToken)
    {
        var period = query.Period ?? StatisticsPeriods.Default;
        var window = HourWindow.ForPeriod(period, clock.GetUtcNow());
        var detections = await source.DetectionTotalsAsync(window, null, cancellationToken);
        var violations = await source.ViolationTotalsAsync(window, null, cancellationToken);
        var cameraIds = (await source.CameraIdsAsync(cancellationToken))
            .Concat(detections.Select(d => d.CameraId))
            .Concat(violations.Select(v => v.CameraId))
            .Distinct(StringComparer.Ordinal);

        var cameras = PeriodStatisticsBuilder.Sorted(cameraIds.Select(id => (id, PeriodStatisticsBuilder.Build(
            detections.Where(d => d.CameraId == id).ToList(),
            violations.Where(v => v.CameraId == id).ToList()))));
        return new StatisticsSummaryResponse(period, window.Start, window.End, cameras,
            PeriodStatisticsBuilder.Build(detections, violations));
    }
}
