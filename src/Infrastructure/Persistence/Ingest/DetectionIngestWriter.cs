using CameraMonitor.Domain.Violations;
using Dapper;
using Npgsql;
using NpgsqlTypes;

namespace CameraMonitor.Infrastructure.Persistence.Ingest;

/// <summary>
/// Writes a batch with binary COPY inside the command's transaction: ids are reserved from the identity
/// sequence first (COPY FROM writes supplied identity values, like INSERT … OVERRIDING SYSTEM VALUE), so
/// the records and their violations go in as two COPY streams and the ids come back in input order without
/// a staging table. The rollups are updated in the same transaction, as its last statement before COMMIT: every
/// concurrent batch adds to the same camera-hour and camera-day rows, and the upsert holds their row locks until
/// commit, so run earlier it would queue each batch behind the whole of the one before (alert evaluation included).
/// Violations go in grouped by camera (records keep their input order and ids): a camera's violations of one batch
/// then share a heap page or two, which is what the alert rules' window counts read.
/// </summary>
public static class DetectionIngestWriter
{
    // The sequence is looked up once (materialised): pg_get_serial_sequence per row scans pg_depend each time, which
    // cost more than the 1,000 nextval calls themselves.
    private const string ReserveIdsSql = """
        WITH sequence AS MATERIALIZED (SELECT pg_get_serial_sequence('detection_records', 'id')::regclass AS id)
        SELECT nextval(sequence.id) FROM sequence, generate_series(1, @Count)
        """;

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

        session.BeforeCommit(ct => connection.ExecuteAsync(new CommandDefinition(BatchRollups.AddSql,
            BatchRollups.ParametersFor(rows), transaction, cancellationToken: ct)));
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
        foreach (var i in Enumerable.Range(0, rows.Count).OrderBy(i => rows[i].CameraId, StringComparer.Ordinal))
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
