using CameraMonitor.Domain.Common;
using CameraMonitor.Infrastructure.Persistence.Statistics;
using Dapper;

namespace CameraMonitor.Infrastructure.Persistence.Repositories;

/// <summary>
/// The SQL both paths read detection records with, so they agree on filter, order and columns. The page may
/// start after a keyset cursor; the legacy path counts the filtered rows, the domain path adds up the rollups
/// (<see cref="CountFromRollups"/>), which gives the same number without reading the camera's rows. The keyset
/// condition repeats its time as a plain bound: PostgreSQL prunes partitions on that, not on a row comparison.
/// </summary>
public static class DetectionRecordSql
{
    private const string Filter = """
         FROM detection_records
         WHERE camera_id = @CameraId
           AND (@From::timestamptz IS NULL OR detected_at >= @From)
           AND (@To::timestamptz IS NULL OR detected_at <= @To)
        """;

    public const string SelectPage = """
        SELECT id, camera_id, detected_at, person_count, objects::text AS objects, processing_ms, violation_count
        """ + Filter + """

           AND (@AfterId::bigint IS NULL OR ((detected_at, id) < (@AfterDetectedAt, @AfterId) AND detected_at <= @AfterDetectedAt))
         ORDER BY detected_at DESC, id DESC
         LIMIT @Limit OFFSET @Offset
        """;

    public const string Count = "SELECT count(*)" + Filter;

    /// <summary>The filtered count from raw rows only in the partial hours at the range's edges (see <see cref="RollupRange"/>).</summary>
    public const string CountFromRollups = """
        SELECT (SELECT count(*) FROM detection_records
                 WHERE camera_id = @CameraId
                   AND ((detected_at >= @RangeFrom AND detected_at < @HourFrom) OR (detected_at >= @HourTo AND detected_at <= @RangeTo)))
             + (SELECT coalesce(sum(detection_count), 0) FROM detection_hourly_rollups
                 WHERE camera_id = @CameraId
                   AND ((hour >= @HourFrom AND hour < @DayFrom) OR (hour >= @DayTo AND hour < @HourTo)))
             + (SELECT coalesce(sum(detection_count), 0) FROM detection_daily_rollups
                 WHERE camera_id = @CameraId AND day >= @DayFrom AND day < @DayTo)
        """;

    /// <summary>One count per window (camera, type or null, (after, up_to]), in the windows' order.</summary>
    public const string CountViolationsInWindows = """
        SELECT c.n
          FROM unnest(@Cameras::text[], @Types::text[], @Afters::timestamptz[], @UpTos::timestamptz[])
               WITH ORDINALITY AS w (camera_id, violation_type, after, up_to, ord)
         CROSS JOIN LATERAL (
               SELECT CASE WHEN w.violation_type IS NULL
                   THEN (SELECT count(*) FROM violations v
                          WHERE v.camera_id = w.camera_id AND v.detected_at > w.after AND v.detected_at <= w.up_to)
                   ELSE (SELECT count(*) FROM violations v
                          WHERE v.camera_id = w.camera_id AND v.violation_type = w.violation_type
                            AND v.detected_at > w.after AND v.detected_at <= w.up_to)
               END AS n) AS c
         ORDER BY w.ord
        """;

    /// <summary>One page of a camera's rows, newest first, after the cursor when given.</summary>
    public static async Task<IReadOnlyList<DetectionRecordRow>> QueryPageAsync(IDbSession session, string cameraId,
        DateTimeOffset? from, DateTimeOffset? to, int limit, int offset, PageCursor? after,
        CancellationToken cancellationToken)
    {
        var connection = await session.ConnectionAsync(cancellationToken);
        var parameters = new
        {
            CameraId = cameraId,
            From = from?.UtcDateTime,
            To = to?.UtcDateTime,
            Limit = limit,
            Offset = offset,
            AfterDetectedAt = after?.DetectedAt.UtcDateTime,
            AfterId = after?.Id,
        };
        return (await connection.QueryAsync<DetectionRecordRow>(new CommandDefinition(SelectPage, parameters,
            session.Transaction, cancellationToken: cancellationToken))).ToList();
    }

    /// <summary>The size of the filtered set by counting its rows: the legacy path's way.</summary>
    public static async Task<long> CountAsync(IDbSession session, string cameraId, DateTimeOffset? from,
        DateTimeOffset? to, CancellationToken cancellationToken)
    {
        var connection = await session.ConnectionAsync(cancellationToken);
        return await connection.ExecuteScalarAsync<long>(new CommandDefinition(Count,
            new { CameraId = cameraId, From = from?.UtcDateTime, To = to?.UtcDateTime }, session.Transaction,
            cancellationToken: cancellationToken));
    }

    /// <summary>The same number as <see cref="CountAsync"/>, from the rollups plus the edges' raw rows.</summary>
    public static async Task<long> CountFromRollupsAsync(IDbSession session, string cameraId, DateTimeOffset? from,
        DateTimeOffset? to, CancellationToken cancellationToken)
    {
        var parameters = new DynamicParameters(RollupRange.Between(from, to).Parameters());
        parameters.Add("CameraId", cameraId);
        var connection = await session.ConnectionAsync(cancellationToken);
        return await connection.ExecuteScalarAsync<long>(new CommandDefinition(CountFromRollups, parameters,
            session.Transaction, cancellationToken: cancellationToken));
    }
}
