namespace CameraMonitor.Infrastructure.Persistence.Ingest;

/// <summary>
/// Incremental maintenance of the hourly (0002) and daily (0015) rollups for freshly inserted detections: the
/// same upsert per grain (hour, day), only the table and the bucket differ. Rows are upserted in key order, so
/// concurrent ingests lock rollup rows in the same order and cannot deadlock. The aggregates are those of
/// rebuild_hourly_rollups(), so a full recount gives the same tables. @From/@To are the batch's earliest and latest
/// detected_at: the rows are found by id, and the bound lets PostgreSQL skip every daily partition (migration 0016)
/// the batch did not touch instead of probing each partition's index for every id.
/// </summary>
public static class HourlyRollupSql
{
    public static readonly string AddDetections =
        AddDetectionsPer("hour", "detection_hourly_rollups") + AddDetectionsPer("day", "detection_daily_rollups")
        + AddViolationsPer("hour", "violation_hourly_rollups") + AddViolationsPer("day", "violation_daily_rollups");

    private static string AddDetectionsPer(string grain, string table) => $"""
        INSERT INTO {table} AS r
               (camera_id, {grain}, detection_count, person_count_sum, processing_ms_sum, violation_count_sum, last_detected_at,
                first_detected_at, processing_ms_histogram)
        SELECT camera_id, date_trunc('{grain}', detected_at, 'UTC'), count(*), sum(person_count), sum(processing_ms),
               sum(violation_count), max(detected_at), min(detected_at), processing_ms_histogram(processing_ms)
          FROM detection_records
         WHERE id = ANY(@Ids) AND detected_at BETWEEN @From AND @To
         GROUP BY 1, 2
         ORDER BY 1, 2
        ON CONFLICT (camera_id, {grain}) DO UPDATE
           SET detection_count         = r.detection_count + EXCLUDED.detection_count,
               person_count_sum        = r.person_count_sum + EXCLUDED.person_count_sum,
               processing_ms_sum       = r.processing_ms_sum + EXCLUDED.processing_ms_sum,
               violation_count_sum     = r.violation_count_sum + EXCLUDED.violation_count_sum,
               last_detected_at        = greatest(r.last_detected_at, EXCLUDED.last_detected_at),
               first_detected_at       = least(r.first_detected_at, EXCLUDED.first_detected_at),
               processing_ms_histogram = histogram_add(r.processing_ms_histogram, EXCLUDED.processing_ms_histogram);

        """;

    private static string AddViolationsPer(string grain, string table) => $"""
        INSERT INTO {table} AS r (camera_id, {grain}, violation_type, status, violation_count, confidence_sum)
        SELECT camera_id, date_trunc('{grain}', detected_at, 'UTC'), violation_type, status, count(*), sum(confidence)
          FROM violations
         WHERE detection_id = ANY(@Ids) AND detected_at BETWEEN @From AND @To
         GROUP BY 1, 2, 3, 4
         ORDER BY 1, 2, 3, 4
        ON CONFLICT (camera_id, {grain}, violation_type, status) DO UPDATE
           SET violation_count = r.violation_count + EXCLUDED.violation_count,
               confidence_sum  = r.confidence_sum + EXCLUDED.confidence_sum;

        """;
}
