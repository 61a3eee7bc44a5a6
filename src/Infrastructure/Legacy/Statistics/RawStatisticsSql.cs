using CameraMonitor.Infrastructure.Persistence.Statistics;

namespace CameraMonitor.Infrastructure.Legacy.Statistics;

/// <summary>
/// The legacy statistics: naive aggregates straight over <c>detection_records</c> and <c>violations</c>,
/// scanning every row of the window on each request. Kept as the reference the rollups are compared to.
/// </summary>
public static class RawStatisticsSql
{
    public static readonly StatisticsSql Queries = new(
        DetectionTotals: """
            SELECT camera_id, count(*) AS detection_count, sum(person_count)::bigint AS person_count,
                   sum(processing_ms) AS processing_ms_sum, max(detected_at) AS last_detected_at
              FROM detection_records
             WHERE detected_at >= @Start AND detected_at < @End AND (@CameraId::text IS NULL OR camera_id = @CameraId)
             GROUP BY camera_id
            """,
        ViolationTotals: """
            SELECT camera_id, violation_type, status, count(*) AS violation_count, sum(confidence) AS confidence_sum
              FROM violations
             WHERE detected_at >= @Start AND detected_at < @End AND (@CameraId::text IS NULL OR camera_id = @CameraId)
             GROUP BY camera_id, violation_type, status
            """,
        DailyViolationCounts: """
            SELECT date_trunc('day', detected_at, 'UTC') AS bucket, violation_type, count(*) AS violation_count
              FROM violations
             WHERE detected_at >= @Start AND detected_at < @End
             GROUP BY 1, 2
            """,
        HourlyViolationCounts: """
            SELECT date_trunc('hour', detected_at, 'UTC') AS bucket, violation_type, count(*) AS violation_count
              FROM violations
             WHERE detected_at >= @Start AND detected_at < @End AND camera_id = @CameraId
             GROUP BY 1, 2
            """);
}
