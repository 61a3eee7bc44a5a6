using CameraMonitor.Infrastructure.Persistence;
using CameraMonitor.Infrastructure.Persistence.Ingest;
using CameraMonitor.Infrastructure.Persistence.Repositories;
using CameraMonitor.Testing;
using Dapper;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace CameraMonitor.Infrastructure.IntegrationTests.Persistence.Retention;

/// <summary>
/// Migration 0016 on a database that already holds rows: built at 0015, filled, then migrated the rest of the way.
/// Nothing may be lost, renumbered or read differently, and new ids continue after every id handed out before.
/// </summary>
public sealed class PartitioningMigrationTests
{
    private const string FillSql = """
        INSERT INTO detection_records (camera_id, detected_at, person_count, objects, processing_ms, violation_count)
        SELECT 'cam-' || (i % 4), now() - i * interval '7 minutes', i % 5, '[{"class":"person"}]', (i % 90) / 3.0, (i % 3 = 0)::int
          FROM generate_series(1, 3000) AS i;
        -- rows a clock-skewed detector sent: tomorrow, far in the future, far in the past
        INSERT INTO detection_records (camera_id, detected_at, violation_count) VALUES
            ('cam-1', now() + interval '1 day', 1), ('cam-2', now() + interval '800 days', 1), ('cam-3', '1905-06-01T00:00:00Z', 1);
        INSERT INTO violations (camera_id, detection_id, violation_type, confidence, status, detected_at)
        SELECT camera_id, id, 'no_helmet', 0.5 + (id % 5) / 10.0, CASE WHEN id % 2 = 0 THEN 'pending' ELSE 'confirmed' END, detected_at
          FROM detection_records WHERE violation_count = 1;
        -- ids reserved by an ingest that then rolled back: the sequence is past max(id)
        SELECT nextval(pg_get_serial_sequence('detection_records', 'id')) FROM generate_series(1, 5);
        SELECT rebuild_hourly_rollups();
        """;

    private const string FingerprintSql = """
        SELECT (SELECT count(*) FROM detection_records) AS records,
               (SELECT count(*) FROM violations) AS violations,
               (SELECT md5(string_agg(d::text, ',' ORDER BY id)) FROM detection_records d) AS records_hash,
               (SELECT md5(string_agg(v::text, ',' ORDER BY id)) FROM violations v) AS violations_hash,
               (SELECT md5(string_agg(r::text, ',' ORDER BY camera_id, hour)) FROM detection_hourly_rollups r) AS rollups_hash
        """;

    [Fact]
    public async Task Migrate_WhenTheDatabaseHoldsRows_KeepsEveryRowIdAndReadAndContinuesTheIds()
    {
        DefaultTypeMap.MatchNamesWithUnderscores = true; // as the application sets it
        var connectionString = await PostgresTestServer.CreateDatabaseAsync(migrate: false);
        var runner = new MigrationRunner(NullLogger<MigrationRunner>.Instance);
        await runner.MigrateAsync(connectionString, CancellationToken.None, stopBefore: "0016");
        await using var dataSource = NpgsqlDataSource.Create(connectionString);
        await using (var connection = await dataSource.OpenConnectionAsync())
        {
            await connection.ExecuteAsync(FillSql);
        }

        var before = await FingerprintAsync(dataSource);
        var lastIdBefore = await ScalarAsync<long>(dataSource, "SELECT last_value FROM detection_records_id_seq");
        var pageBefore = await FirstPageAsync(dataSource);
        var violationBefore = await FindViolationAsync(dataSource);

        await runner.MigrateAsync(connectionString, CancellationToken.None);

        Assert.Equal(before, await FingerprintAsync(dataSource));
        Assert.Equal(pageBefore, await FirstPageAsync(dataSource));
        Assert.Equal(violationBefore, await FindViolationAsync(dataSource));
        Assert.Equal("p", await ScalarAsync<string>(dataSource, "SELECT relkind::text FROM pg_class WHERE oid = 'detection_records'::regclass"));
        Assert.Equal(2, await ScalarAsync<long>(dataSource,
            "SELECT count(*) FROM detection_records WHERE tableoid <> 'detection_records_pre_partitioning'::regclass"));

        var newIds = await IngestAsync(dataSource);
        Assert.All(newIds, id => Assert.True(id > lastIdBefore, $"id {id} reuses one handed out before the migration"));
        Assert.Equal(before.Records + 2, await ScalarAsync<long>(dataSource, "SELECT count(*) FROM detection_records"));
    }

    private static async Task<Fingerprint> FingerprintAsync(NpgsqlDataSource dataSource)
    {
        await using var connection = await dataSource.OpenConnectionAsync();
        return await connection.QuerySingleAsync<Fingerprint>(FingerprintSql);
    }

    private static async Task<string> FirstPageAsync(NpgsqlDataSource dataSource)
    {
        await using var session = Session(dataSource);
        var page = await DetectionRecordSql.QueryPageAsync(session, "cam-1", null, null, 20, 5, null, CancellationToken.None);
        return string.Join(";", page.Select(r => $"{r.Id}@{r.DetectedAt:o}"));
    }

    private static async Task<string> FindViolationAsync(NpgsqlDataSource dataSource)
    {
        await using var session = Session(dataSource);
        var id = await ScalarAsync<long>(dataSource, "SELECT id FROM violations ORDER BY id OFFSET 100 LIMIT 1");
        var violation = await new ViolationRepository(session).FindAsync(id, CancellationToken.None);
        return $"{violation!.Id}|{violation.DetectionId}|{violation.Status}|{violation.DetectedAt:o}|{violation.Confidence}";
    }

    private static async Task<IReadOnlyList<long>> IngestAsync(NpgsqlDataSource dataSource)
    {
        await using var session = Session(dataSource);
        var rows = new[] { DateTime.UtcNow, DateTime.UtcNow.AddDays(2) }
            .Select(t => new IngestRecordRow("cam-1", t, 1, "[]", 1.0, [new IngestViolationRow("no_helmet", 0.7, null)])).ToList();
        return await session.ExecuteInTransactionAsync(ct => DetectionIngestWriter.WriteAsync(session, rows, ct), CancellationToken.None);
    }

    private static DbSession Session(NpgsqlDataSource dataSource) => new(dataSource,
        new ConflictRetry(Microsoft.Extensions.Options.Options.Create(new DatabaseFaultOptions()), NullLogger<ConflictRetry>.Instance),
        [], NullLogger<DbSession>.Instance);

    private static async Task<T> ScalarAsync<T>(NpgsqlDataSource dataSource, string sql)
    {
        await using var connection = await dataSource.OpenConnectionAsync();
        return (await connection.ExecuteScalarAsync<T>(sql))!;
    }

    private sealed record Fingerprint(long Records, long Violations, string RecordsHash, string ViolationsHash, string RollupsHash);
}
