namespace CameraMonitor.Infrastructure.Persistence.Statistics;

/// <summary>
/// Moves one violation between the status cells of <c>violation_hourly_rollups</c> and <c>violation_daily_rollups</c>, in the caller's
/// transaction. Deltas (not a recount) keep concurrent moves in the same bucket correct: each statement
/// locks and adjusts the cell rows relatively. Both cells are touched in status order, so two moves in
/// opposite directions lock the rows in the same order and cannot deadlock. An emptied cell is deleted,
/// as a full rebuild would not have it.
/// </summary>
public static class ViolationRollupSql
{
    public const string MoveStatusSql = """
        INSERT INTO violation_hourly_rollups AS r (camera_id, hour, violation_type, status, violation_count, confidence_sum)
        SELECT @CameraId, date_trunc('hour', @DetectedAt::timestamptz, 'UTC'), @ViolationType, s.status, s.delta,
               s.delta * @Confidence::double precision
          FROM (VALUES (@From::text, -1), (@To::text, 1)) AS s (status, delta)
         ORDER BY s.status
            ON CONFLICT (camera_id, hour, violation_type, status) DO UPDATE
           SET violation_count = r.violation_count + EXCLUDED.violation_count,
               confidence_sum = r.confidence_sum + EXCLUDED.confidence_sum;
        DELETE FROM violation_hourly_rollups
         WHERE camera_id = @CameraId AND hour = date_trunc('hour', @DetectedAt::timestamptz, 'UTC')
           AND violation_type = @ViolationType AND status = @From AND violation_count <= 0;
        INSERT INTO violation_daily_rollups AS r (camera_id, day, violation_type, status, violation_count, confidence_sum)
        SELECT @CameraId, date_trunc('day', @DetectedAt::timestamptz, 'UTC'), @ViolationType, s.status, s.delta,
               s.delta * @Confidence::double precision
          FROM (VALUES (@From::text, -1), (@To::text, 1)) AS s (status, delta)
         ORDER BY s.status
            ON CONFLICT (camera_id, day, violation_type, status) DO UPDATE
           SET violation_count = r.violation_count + EXCLUDED.violation_count,
               confidence_sum = r.confidence_sum + EXCLUDED.confidence_sum;
        DELETE FROM violation_daily_rollups
         WHERE camera_id = @CameraId AND day = date_trunc('day', @DetectedAt::timestamptz, 'UTC')
           AND violation_type = @ViolationType AND status = @From AND violation_count <= 0;
        """;

    /// <summary>Parameters of <see cref="MoveStatusSql"/>.</summary>
    public static object MoveParameters(string cameraId, DateTime detectedAt, string violationType, double confidence,
        string from, string to) => new
        {
            CameraId = cameraId,
            DetectedAt = DateTime.SpecifyKind(detectedAt, DateTimeKind.Utc),
            ViolationType = violationType,
            Confidence = confidence,
            From = from,
            To = to,
        };
}
