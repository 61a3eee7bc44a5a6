using Dapper;

namespace CameraMonitor.Infrastructure.Persistence.Repositories;

/// <summary>The SQL both paths read detection records with, so they agree on filter, order and columns.</summary>
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

         ORDER BY detected_at DESC, id DESC
         LIMIT @Limit OFFSET @Offset
        """;

    public const string Count = "SELECT count(*)" + Filter;

    public const string CountViolations = """
        SELECT count(*)
          FROM violations
         WHERE camera_id = @CameraId
           AND (@ViolationType::text IS NULL OR violation_type = @ViolationType)
           AND detected_at > @After AND detected_at <= @UpTo
        """;

    private static object PageParameters(string cameraId, DateTimeOffset? from, DateTimeOffset? to, int limit, int offset) =>
        new { CameraId = cameraId, From = from?.UtcDateTime, To = to?.UtcDateTime, Limit = limit, Offset = offset };

    /// <summary>One page of a camera's rows and the size of the whole filtered set, as both read paths need them.</summary>
    public static async Task<(IReadOnlyList<DetectionRecordRow> Rows, long Total)> QueryPageAsync(IDbSession session,
        string cameraId, DateTimeOffset? from, DateTimeOffset? to, int limit, int offset, CancellationToken cancellationToken)
    {
        var connection = await session.ConnectionAsync(cancellationToken);
        var parameters = PageParameters(cameraId, from, to, limit, offset);
        var rows = await connection.QueryAsync<DetectionRecordRow>(new CommandDefinition(SelectPage, parameters,
            session.Transaction, cancellationToken: cancellationToken));
        var total = await connection.ExecuteScalarAsync<long>(new CommandDefinition(Count, parameters,
            session.Transaction, cancellationToken: cancellationToken));
        return (rows.ToList(), total);
    }
}
