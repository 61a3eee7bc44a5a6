using CameraMonitor.Domain.Violations;

namespace CameraMonitor.Infrastructure.Persistence.Ingest;

/// <summary>
/// Incremental maintenance of the hourly (0002) and daily (0015) rollups for a freshly written batch, in one
/// statement: the batch's rows come as arrays (what the COPY just wrote, so the tables are not read back), and the
/// same upsert runs per grain (hour, day) and table. Rows are upserted in key order, table after table, so
/// concurrent ingests lock rollup rows in the same order and cannot deadlock. The aggregates are those of
/// rebuild_hourly_rollups(), so a full recount gives the same tables.
/// </summary>
public static class HourlyRollupSql
{
    public static readonly string AddBatch = """
        WITH records AS MATERIALIZED (
            SELECT * FROM unnest(@Cameras::text[], @DetectedAts::timestamptz[], @PersonCounts::integer[],
                                 @ProcessingMs::double precision[], @ViolationCounts::integer[])
                   AS b (camera_id, detected_at, person_count, processing_ms, violation_count)
        ), violations AS MATERIALIZED (
            SELECT * FROM unnest(@ViolationCameras::text[], @ViolationDetectedAts::timestamptz[], @ViolationTypes::text[],
                                 @Confidences::double precision[])
                   AS b (camera_id, detected_at, violation_type, confidence)
        )
        """
        + AddDetectionsPer("hour", "detection_hourly_rollups") + AddDetectionsPer("day", "detection_daily_rollups")
        + AddViolationsPer("hour", "violation_hourly_rollups") + AddViolationsPer("day", "violation_daily_rollups")
        + "SELECT 1";

    private static readonly string PendingStatus = ViolationStatus.Pending.ToName();

    /// <summary>The parameters of <see cref="AddBatch"/>; ingested violations are pending.</summary>
    public static object ParametersFor(IReadOnlyList<IngestRecordRow> rows)
    {
        var violations = rows.SelectMany(r => r.Violations.Select(v => (Record: r, Violation: v))).ToList();
        return new
        {
            Cameras = rows.Select(r => r.CameraId).ToArray(),
            DetectedAts = rows.Select(r => r.DetectedAt).ToArray(),
            PersonCounts = rows.Select(r => r.PersonCount).ToArray(),
            ProcessingMs = rows.Select(r => r.ProcessingMs).ToArray(),
            ViolationCounts = rows.Select(r => r.Violations.Count).ToArray(),
            ViolationCameras = violations.Select(v => v.Record.CameraId).ToArray(),
            ViolationDetectedAts = violations.Select(v => v.Record.DetectedAt).ToArray(),
            ViolationTypes = violations.Select(v => v.Violation.ViolationType).ToArray(),
            Confidences = violations.Select(v => v.Violation.Confidence).ToArray(),
            Pending = PendingStatus,
        };
    }

    private static string AddDetectionsPer(string grain, string table) => $"""
        , add_{table} AS (
            INSERT INTO {table} AS r
                   (camera_id, {grain}, detection_count, person_count_sum, processing_ms_sum, violation_count_sum,
                    last_detected_at, first_detected_at, processing_ms_histogram)
            SELECT camera_id, date_trunc('{grain}', detected_at, 'UTC'), count(*), sum(person_count), sum(processing_ms),
                   sum(violation_count), max(detected_at), min(detected_at), processing_ms_histogram(processing_ms)
              FROM records
             GROUP BY 1, 2
             ORDER BY 1, 2
            ON CONFLICT (camera_id, {grain}) DO UPDATE
               SET detection_count         = r.detection_count + EXCLUDED.detection_count,
                   person_count_sum        = r.person_count_sum + EXCLUDED.person_count_sum,
                   processing_ms_sum       = r.processing_ms_sum + EXCLUDED.processing_ms_sum,
                   violation_count_sum     = r.violation_count_sum + EXCLUDED.violation_count_sum,
                   last_detected_at        = greatest(r.last_detected_at, EXCLUDED.last_detected_at),
                   first_detected_at       = least(r.first_detected_at, EXCLUDED.first_detected_at),
                   processing_ms_histogram = histogram_add(r.processing_ms_histogram, EXCLUDED.processing_ms_histogram))

        """;

    private static string AddViolationsPer(string grain, string table) => $"""
        , add_{table} AS (
            INSERT INTO {table} AS r (camera_id, {grain}, violation_type, status, violation_count, confidence_sum)
            SELECT camera_id, date_trunc('{grain}', detected_at, 'UTC'), violation_type, @Pending, count(*), sum(confidence)
              FROM violations
             GROUP BY 1, 2, 3
             ORDER BY 1, 2, 3
            ON CONFLICT (camera_id, {grain}, violation_type, status) DO UPDATE
               SET violation_count = r.violation_count + EXCLUDED.violation_count,
                   confidence_sum  = r.confidence_sum + EXCLUDED.confidence_sum)

        """;
}
