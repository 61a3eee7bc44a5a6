using CameraMonitor.Infrastructure.Persistence;
using CameraMonitor.Infrastructure.Persistence.Ingest;
using Dapper;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Npgsql;
using NpgsqlTypes;

namespace CameraMonitor.IngestBaseline;

/// <summary>
/// The two ways of writing one batch in one transaction: the production writer (reserved ids + binary COPY)
/// and the baseline (one prepared INSERT per record and per violation). Both then update the hourly
/// rollups with the same SQL, so the only difference is how the rows reach the tables.
/// </summary>
public sealed class IngestModes(string connectionString) : IAsyncDisposable
{
    private const string InsertRecordSql = """
        INSERT INTO detection_records (camera_id, detected_at, person_count, objects, processing_ms, violation_count)
        VALUES ($1, $2, $3, $4, $5, $6) RETURNING id
        """;

    private const string InsertViolationSql = """
        INSERT INTO violations (camera_id, detection_id, violation_type, confidence, snapshot_path, status, detected_at)
        VALUES ($1, $2, $3, $4, $5, 'pending', $6)
        """;

    private readonly NpgsqlDataSource _dataSource = NpgsqlDataSource.Create(connectionString);

    public async Task CopyAsync(IReadOnlyList<IngestRecordRow> rows)
    {
        await using var session = new DbSession(_dataSource,
            new ConflictRetry(Options.Create(new DatabaseFaultOptions()), NullLogger<ConflictRetry>.Instance), [], NullLogger<DbSession>.Instance);
        await session.ExecuteInTransactionAsync(ct => DetectionIngestWriter.WriteAsync(session, rows, ct),
            CancellationToken.None);
    }

    public async Task InsertRowByRowAsync(IReadOnlyList<IngestRecordRow> rows)
    {
        await using var connection = await _dataSource.OpenConnectionAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        await using var insertRecord = new NpgsqlCommand(InsertRecordSql, connection, transaction)
        {
            Parameters =
            {
                new() { NpgsqlDbType = NpgsqlDbType.Text },
                new() { NpgsqlDbType = NpgsqlDbType.TimestampTz },
                new() { NpgsqlDbType = NpgsqlDbType.Integer },
                new() { NpgsqlDbType = NpgsqlDbType.Jsonb },
                new() { NpgsqlDbType = NpgsqlDbType.Double },
                new() { NpgsqlDbType = NpgsqlDbType.Integer },
            },
        };
        await using var insertViolation = new NpgsqlCommand(InsertViolationSql, connection, transaction)
        {
            Parameters =
            {
                new() { NpgsqlDbType = NpgsqlDbType.Text },
                new() { NpgsqlDbType = NpgsqlDbType.Bigint },
                new() { NpgsqlDbType = NpgsqlDbType.Text },
                new() { NpgsqlDbType = NpgsqlDbType.Double },
                new() { NpgsqlDbType = NpgsqlDbType.Text },
                new() { NpgsqlDbType = NpgsqlDbType.TimestampTz },
            },
        };

        // Prepared statements: the strongest form of row-by-row, so the baseline is not a straw man.
        await insertRecord.PrepareAsync();
        await insertViolation.PrepareAsync();

        var ids = new long[rows.Count];
        for (var i = 0; i < rows.Count; i++)
        {
            var row = rows[i];
            insertRecord.Parameters[0].Value = row.CameraId;
            insertRecord.Parameters[1].Value = row.DetectedAt;
            insertRecord.Parameters[2].Value = row.PersonCount;
            insertRecord.Parameters[3].Value = row.ObjectsJson;
            insertRecord.Parameters[4].Value = row.ProcessingMs;
            insertRecord.Parameters[5].Value = row.Violations.Count;
            ids[i] = (long)(await insertRecord.ExecuteScalarAsync())!;
            foreach (var violation in row.Violations)
            {
                insertViolation.Parameters[0].Value = row.CameraId;
                insertViolation.Parameters[1].Value = ids[i];
                insertViolation.Parameters[2].Value = violation.ViolationType;
                insertViolation.Parameters[3].Value = violation.Confidence;
                insertViolation.Parameters[4].Value = (object?)violation.SnapshotPath ?? DBNull.Value;
                insertViolation.Parameters[5].Value = row.DetectedAt;
                await insertViolation.ExecuteNonQueryAsync();
            }
        }

        // Same rollup maintenance as DetectionIngestWriter, with the same SQL and parameter binding.
        await connection.ExecuteAsync(BatchRollups.AddSql, BatchRollups.ParametersFor(rows), transaction);
        await transaction.CommitAsync();
    }

    public ValueTask DisposeAsync() => _dataSource.DisposeAsync();
}
