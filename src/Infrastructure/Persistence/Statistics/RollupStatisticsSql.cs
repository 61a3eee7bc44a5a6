namespace CameraMonitor.Infrastructure.Persistence.Statistics;

/// <summary>
/// Statistics from <c>detection_hourly_rollups</c> and <c>violation_hourly_rollups</c>: the work grows
/// with cameras × hours × types, not with detections. The window is whole hours, so hour-bucket
/// membership equals detected_at membership and these agree with the raw queries of the legacy path.
/// </summary>
public static class RollupStatisticsSql
{
    public static readonly StatisticsSql Queries = new(
        DetectionTotals: """
            SELECT camera_id, sum(detection_count)::bigint AS detection_count,
                   sum(person_count_sum)::bigint AS person_count, sum(processing_ms_sum) AS processing_ms_sum,
                   max(last_detected_at) AS last_detected_at
              FROM detection_hourly_rollups
             WHERE hour >= @Start AND hour < @End AND (@CameraId::text IS NULL OR camera_id = @CameraId)
             GROUP BY camera_id
            """,
        ViolationTotals: """
            SELECT camera_id, violation_type, status, sum(violation_count)::bigint AS violation_count,
                   sum(confidence_sum) AS confidence_sum
              FROM violation_hourly_rollups
             WHERE hour >= @Start AND hour < @End AND (@CameraId::text IS NULL OR camera_id = @CameraId)
             GROUP BY camera_id, violation_type, status
            """,
        DailyViolationCounts: """
            SELECT date_trunc('day', hour, 'UTC') AS bucket, violation_type,
                   sum(violation_count)::bigint AS violation_count
              FROM violation_hourly_rollups
             WHERE hour >= @Start AND hour < @End
             GROUP BY 1, 2
            """,
        HourlyViolationCounts: """
            SELECT hour AS bucket, violation_type, sum(violation_count)::bigint AS violation_count
              FROM violation_hourly_rollups
             WHERE hour >= @Start AND hour < @End AND camera_id = @CameraId
             GROUP BY 1, 2
            """);
}
