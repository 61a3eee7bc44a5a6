namespace CameraMonitor.Infrastructure.Persistence.Ingest;

/// <summary>
/// Incremental maintenance of migration 0002's hourly rollups for freshly inserted detections. Rows are
/// upserted in key order, so concurrent ingests lock rollup rows in the same order and cannot deadlock.
/// The aggregates are those of rebuild_hourly_rollups(), so a full recount gives the same tables.
/// </summary>
public static class HourlyRollupSql
{
    public const string AddDetections = """
        INSERT INTO detection_hourly_rollups AS r
               (camera_id, hour, detection_count, person_count_sum, processing_ms_sum, violation_count_sum, last_detected_at)
        SELECT camera_id, date_trunc('hour', detected_at, 'UTC'), count(*), sum(person_count), sum(processing_ms),
               sum(violation_count), max(detected_at)
          FROM detection_records
         WHERE id = ANY(@Ids)
         GROUP BY 1, 2
         ORDER BY 1, 2
        ON CONFLICT (camera_id, hour) DO UPDATE
           SET detection_count     = r.detection_count + EXCLUDED.detection_count,
               person_count_sum    = r.person_count_sum + EXCLUDED.person_count_sum,
               processing_ms_sum   = r.processing_ms_sum + EXCLUDED.processing_ms_sum,
               violation_count_sum = r.violation_count_sum + EXCLUDED.violation_count_sum,
               last_detected_at    = greatest(r.last_detected_at, EXCLUDED.last_detected_at);

        INSERT INTO violation_hourly_rollups AS r (camera_id, hour, violation_type, status, violation_count, confidence_sum)
        SELECT camera_id, date_trunc('hour', detected_at, 'UTC'), violation_type, status, count(*), sum(confidence)
          FROM violations
         WHERE detection_id = ANY(@Ids)
         GROUP BY 1, 2, 3, 4
         ORDER BY 1, 2, 3, 4
        ON CONFLICT (camera_id, hour, violation_type, status) DO UPDATE
           SET violation_count = r.violation_count + EXCLUDED.violation_count,
               confidence_sum  = r.confidence_sum + EXCLUDED.confidence_sum;
        """;
}
