using CameraMonitor.Application.Common.Errors;
using CameraMonitor.Application.Statistics.Common;

namespace CameraMonitor.Application.Statistics.CameraStatistics;

/// <summary>One camera's statistics from any statistics source (rollups on the domain path, raw rows on legacy).</summary>
public static class CameraStatisticsReport
{
    public static async Task<CameraStatisticsResponse> BuildAsync(IStatisticsReadModel source,
        GetCameraStatisticsQuery query, StatisticsOptions options, TimeProvider clock,
        CancellationToken cancellationToken)
    {
        if (!(await source.CameraIdsAsync(cancellationToken)).Contains(query.CameraId, StringComparer.Ordinal))
        {
            throw new NotFoundException("Camera", query.CameraId);
        }

        var now = clock.GetUtcNow();
        var custom = query.StartTime is not null || query.EndTime is not null;
        var window = custom
            ? HourWindow.ForRange(query.StartTime, query.EndTime, query.Period, now)
            : HourWindow.ForPeriod(query.Period, now);
        if (window.End - window.Start > TimeSpan.FromDays(GetCameraStatisticsValidator.MaxRangeDays))
        {
            // Only reachable with start_time alone (the validator checks a full range): the end is "now".
            throw RequestValidationException.ForField("start_time",
                $"start_time may be at most {GetCameraStatisticsValidator.MaxRangeDays} days before end_time (now).");
        }

        var detections = await source.DetectionTotalsAsync(window, query.CameraId, cancellationToken);
        var violations = await source.ViolationTotalsAsync(window, query.CameraId, cancellationToken);
        var hourly = await source.HourlyViolationCountsAsync(window, query.CameraId, cancellationToken);
        var activity = await source.CameraActivityAsync(window, query.CameraId, now.UtcDateTime,
            options.NoDetectionGapMinutes, options.MaxReportedGaps, cancellationToken);

        var totals = PeriodStatisticsBuilder.Build(detections, violations);
        var anomalies = AnomalyDetector.Gaps(activity.Gaps).ToList();
        if (AnomalyDetector.Spike(window, hourly) is { } spike)
        {
            anomalies.Add(spike);
        }

        var p95 = activity.P95ProcessingMs is { } value ? Math.Round(value, 2, MidpointRounding.AwayFromZero) : (double?)null;
        return new CameraStatisticsResponse(query.CameraId,
            // With a start_time the period played no part in the window; without one it set the window's length.
            query.StartTime is not null ? StatisticsPeriods.Custom : query.Period ?? StatisticsPeriods.Default,
            window.Start, window.End,
            new CameraStatisticsDto(totals, new PerformanceDto(totals.AvgProcessingMs, p95), anomalies));
    }
}
