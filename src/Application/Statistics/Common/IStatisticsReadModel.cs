namespace CameraMonitor.Application.Statistics.Common;

/// <summary>
/// The domain path's source of statistics: the hourly rollups (kept by ingest and status changes), never
/// a scan of every detection. Only <see cref="CameraActivityAsync"/> reads raw rows, for one camera and window.
/// </summary>
public interface IStatisticsReadModel
{
    Task<IReadOnlyList<DetectionTotals>> DetectionTotalsAsync(HourWindow window, string? cameraId,
        CancellationToken cancellationToken);

    Task<IReadOnlyList<ViolationTotals>> ViolationTotalsAsync(HourWindow window, string? cameraId,
        CancellationToken cancellationToken);

    /// <summary>Violations per UTC day and type.</summary>
    Task<IReadOnlyList<ViolationCountByTime>> DailyViolationCountsAsync(HourWindow window,
        CancellationToken cancellationToken);

    /// <summary>One camera's violations per hour and type.</summary>
    Task<IReadOnlyList<ViolationCountByTime>> HourlyViolationCountsAsync(HourWindow window, string cameraId,
        CancellationToken cancellationToken);

    Task<CameraActivity> CameraActivityAsync(HourWindow window, string cameraId, DateTime now, int gapMinutes,
        int maxGaps, CancellationToken cancellationToken);

    /// <summary>Ids of all registered cameras.</summary>
    Task<IReadOnlyList<string>> CameraIdsAsync(CancellationToken cancellationToken);
}
