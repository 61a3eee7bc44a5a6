namespace CameraMonitor.Infrastructure.Persistence.Statistics;

/// <summary>
/// Moves one violation between the status cells of <c>violation_hourly_rollups</c> and
/// <c>violation_daily_rollups</c>, in the caller's transaction. Deltas (not a recount) keep concurrent moves in
/// the same bucket correct: each statement locks and adjusts the cell rows relatively. Both cells are touched in
/// status order, so two moves in opposite directions lock the rows in the same order and cannot deadlock. An
/// emptied cell is deleted, as a full rebuild would not have it.
/// </summary>
public static class ViolationRollupSql
{
    public static readonly string MoveStatusSql =
        MoveStatusPer("hour", "violation_hourly_rollups") + MoveStatusPer("day", "violation_daily_rollups");

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

    private static string MoveStatusPer(string grain, string table) => $"""
        INSERT INTO {table} AS r (camera_id, {grain}, violation_type, status, violation_count, confidence_sum)
        SELECT @CameraId, date_trunc('{grain}', @DetectedAt::timestamptz, 'UTC'), @ViolationType, s.status, s.delta,
               s.delta * @Confidence::double precision
          FROM (VALUES (@From::text, -1), (@To::text, 1)) AS s (status, delta)
         ORDER BY s.status
            ON CONFLICT (camera_id, {grain}, violation_type, status) DO UPDATE
           SET violation_count = r.violation_count + EXCLUDED.violation_count,
               confidence_sum = r.confidence_sum + EXCLUDED.confidence_sum;
        DELETE FROM {table}
         WHERE camera_id = @CameraId AND {grain} = date_trunc('{grain}', @DetectedAt::timestamptz, 'UTC')
           AND violation_type = @ViolationType AND status = @From AND violation_count <= 0;

        """;
}
