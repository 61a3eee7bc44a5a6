using CameraMonitor.Domain.Violations;
using Dapper;
using Npgsql;
using NpgsqlTypes;

namespace CameraMonitor.Infrastructure.Persistence.Ingest;

/// <summary>
/// Writes a batch with binary COPY inside the command's transaction: ids are reserved from the identity
/// sequence first (COPY FROM writes supplied identity values, like INSERT … OVERRIDING SYSTEM VALUE), so
/// the records and their violations go in as two COPY streams and the ids come back in input order without
/// a staging table. The hourly rollups are updated in the same transaction.
/// </summary>
public static class DetectionIngestWriter
{
    private const string ReserveIdsSql =
        "SELECT nextval(pg_get_serial_sequence('detection_records', 'id')) FROM generate_series(1, @Count)";

    private const string CopyRecordsSql = """
        COPY detection_records (id, camera_id, detected_at, person_count, objects, processing_ms, violation_count)
        FROM STDIN (FORMAT BINARY)
        """;

    private const string CopyViolationsSql = """
        COPY violations (camera_id, detection_id, violation_type, confidence, snapshot_path, status, detected_at)
        FROM STDIN (FORMAT BINARY)
        """;

    private static readonly string PendingStatus = ViolationStatus.Pending.ToName();

    public static async Task<IReadOnlyList<long>> WriteAsync(IDbSession session, IReadOnlyList<IngestRecordRow> rows,
        CancellationToken cancellationToken)
    {
        var transaction = session.Transaction
            ?? throw new InvalidOperationException("Ingest must run inside the command's transaction.");
        var connection = await session.ConnectionAsync(cancellationToken);
        var ids = (await connection.QueryAsync<long>(new CommandDefinition(ReserveIdsSql, new { rows.Count }, transaction,
            cancellationToken: cancellationToken))).ToArray();

        await CopyRecordsAsync(connection, rows, ids, cancellationToken);
        if (rows.Any(r => r.Violations.Count > 0))
        {
            await CopyViolationsAsync(connection, rows, ids, cancellationToken);
        }

        await connection.ExecuteAsync(new CommandDefinition(HourlyRollupSql.AddDetections, new
        {
            Ids = ids,
            From = rows.Min(r => r.DetectedAt),
            To = rows.Max(r => r.DetectedAt),
        }, transaction, cancellationToken: cancellationToken));
        return ids;
    }

    private static async Task CopyRecordsAsync(NpgsqlConnection connection, IReadOnlyList<IngestRecordRow> rows,
        long[] ids, CancellationToken cancellationToken)
    {
        await using var importer = await connection.BeginBinaryImportAsync(CopyRecordsSql, cancellationToken);
        for (var i = 0; i < rows.Count; i++)
        {
            var row = rows[i];
            await importer.StartRowAsync(cancellationToken);
            await importer.WriteAsync(ids[i], NpgsqlDbType.Bigint, cancellationToken);
            await importer.WriteAsync(row.CameraId, NpgsqlDbType.Text, cancellationToken);
            await importer.WriteAsync(row.DetectedAt, NpgsqlDbType.TimestampTz, cancellationToken);
            await importer.WriteAsync(row.PersonCount, NpgsqlDbType.Integer, cancellationToken);
            await importer.WriteAsync(row.ObjectsJson, NpgsqlDbType.Jsonb, cancellationToken);
            await importer.WriteAsync(row.ProcessingMs, NpgsqlDbType.Double, cancellationToken);
            await importer.WriteAsync(row.Violations.Count, NpgsqlDbType.Integer, cancellationToken);
        }

        await importer.CompleteAsync(cancellationToken);
    }

    private static async Task CopyViolationsAsync(NpgsqlConnection connection, IReadOnlyList<IngestRecordRow> rows,
        long[] ids, CancellationToken cancellationToken)
    {
        await using var importer = await connection.BeginBinaryImportAsync(CopyViolationsSql, cancellationToken);
        for (var i = 0; i < rows.Count; i++)
        {
            foreach (var violation in rows[i].Violations)
            {
                await importer.StartRowAsync(cancellationToken);
                await importer.WriteAsync(rows[i].CameraId, NpgsqlDbType.Text, cancellationToken);
                await importer.WriteAsync(ids[i], NpgsqlDbType.Bigint, cancellationToken);
                await importer.WriteAsync(violation.ViolationType, NpgsqlDbType.Text, cancellationToken);
                await importer.WriteAsync(violation.Confidence, NpgsqlDbType.Double, cancellationToken);
                if (violation.SnapshotPath is null)
                {
                    await importer.WriteNullAsync(cancellationToken);
                }
                else
                {
                    await importer.WriteAsync(violation.SnapshotPath, NpgsqlDbType.Text, cancellationToken);
                }

                await importer.WriteAsync(PendingStatus, NpgsqlDbType.Text, cancellationToken);
                await importer.WriteAsync(rows[i].DetectedAt, NpgsqlDbType.TimestampTz, cancellationToken);
            }
        }

        await importer.CompleteAsync(cancellationToken);
    }
}
