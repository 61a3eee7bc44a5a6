using CameraMonitor.Infrastructure.Persistence.Ingest;
using CameraMonitor.Testing;
using Dapper;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace CameraMonitor.Infrastructure.IntegrationTests.Detections;

public sealed class IdempotencyKeyPrunerTests(DatabaseFixture database) : IClassFixture<DatabaseFixture>
{
    private static readonly DateTimeOffset Now = new(2026, 11, 20, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task PruneOnce_DeletesAnsweredKeysOlderThanTheRetentionOnly()
    {
        await database.ExecuteAsync("""
            INSERT INTO idempotency_keys (endpoint, key, created_at, request_hash, response) VALUES
              ('IngestDetectionRecords', 'expired',   '2026-11-17T11:59:00Z', 'h', '{"Ok":true}'),
              ('IngestDetectionRecords', 'fresh',     '2026-11-17T12:01:00Z', 'h', '{"Ok":true}'),
              ('IngestDetectionRecords', 'unanswered','2026-11-01T00:00:00Z', 'h', NULL)
            """);
        var pruner = new IdempotencyKeyPruner(database.DataSource, new FakeTimeProvider(Now),
            Options.Create(new IdempotencyRetentionOptions { IdempotencyKeyRetentionHours = 72 }),
            NullLogger<IdempotencyKeyPruner>.Instance);

        var deleted = await pruner.PruneOnceAsync(CancellationToken.None);

        await using var connection = await database.DataSource.OpenConnectionAsync();
        var left = (await connection.QueryAsync<string>("SELECT key FROM idempotency_keys ORDER BY key")).ToList();
        Assert.Equal(1, deleted);
        Assert.Equal(["fresh", "unanswered"], left);
    }
}
