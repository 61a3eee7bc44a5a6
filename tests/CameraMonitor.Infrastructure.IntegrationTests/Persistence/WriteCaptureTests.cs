using CameraMonitor.Application.Rollout.DarkLaunch;
using CameraMonitor.Infrastructure.Persistence;
using CameraMonitor.Infrastructure.Persistence.Ingest;
using CameraMonitor.Testing;
using Dapper;

namespace CameraMonitor.Infrastructure.IntegrationTests.Persistence;

/// <summary>The dark launch's row capture: DbSession over the triggers of migration 0009, on real PostgreSQL.</summary>
public sealed class WriteCaptureTests(DatabaseFixture database) : IClassFixture<DatabaseFixture>
{
    private const string InsertCamera =
        "INSERT INTO cameras (id, name, source_url, created_at, updated_at) VALUES (@id, @id, 'rtsp://127.0.0.1/x', now(), now())";

    [Fact]
    public async Task RunAndRollBack_ReturnsTheRowsItWrote_AndLeavesNoRowNoCaptureAndNoAfterCommitAction()
    {
        await using var session = Session();
        var afterCommitRan = false;

        var run = await session.RunAndRollBackAsync(async ct =>
        {
            await ExecuteAsync(session, InsertCamera, new { id = "wc_shadow" }, ct);
            session.AfterCommit(_ =>
            {
                afterCommitRan = true;
                return Task.CompletedTask;
            });
            return "answer";
        }, CancellationToken.None);

        Assert.Equal("answer", run.Result);
        var write = Assert.Single(run.Writes);
        Assert.Equal(("cameras", WriteOperations.Insert, """{"id": "wc_shadow"}"""), (write.Table, write.Operation, write.KeyJson));
        Assert.Contains("\"name\": \"wc_shadow\"", write.RowJson, StringComparison.Ordinal);
        Assert.False(afterCommitRan);
        Assert.Equal(0, await CountAsync("SELECT count(*) FROM cameras WHERE id = 'wc_shadow'"));
        Assert.Equal(0, await CountAsync("SELECT count(*) FROM dark_launch_captured_writes"));
    }

    [Fact]
    public async Task CommittedTransaction_WhenCapturing_ReportsEveryEventAndCommitsNoCaptureRow()
    {
        await using var session = Session();
        session.CaptureCommittedWrites();

        await session.ExecuteInTransactionAsync(async ct =>
        {
            await ExecuteAsync(session, InsertCamera, new { id = "wc_real" }, ct);
            await ExecuteAsync(session, "UPDATE cameras SET location = 'hall' WHERE id = 'wc_real'", null, ct);
            return true;
        }, CancellationToken.None);

        Assert.Equal([WriteOperations.Insert, WriteOperations.Update], session.CommittedWrites.Select(w => w.Operation));
        var net = Assert.Single(WriteSetComparer.Fold(session.CommittedWrites));
        Assert.Equal((WriteOperations.Insert, "hall"), (net.Operation, net.Row["location"]!.GetValue<string>()));
        Assert.Equal(1, await CountAsync("SELECT count(*) FROM cameras WHERE id = 'wc_real'"));
        Assert.Equal(0, await CountAsync("SELECT count(*) FROM dark_launch_captured_writes"));
    }

    [Fact]
    public async Task Transaction_WithoutCapture_RecordsNothing()
    {
        await using var session = Session();

        var capturedInside = await session.ExecuteInTransactionAsync(async ct =>
        {
            await ExecuteAsync(session, InsertCamera, new { id = "wc_off" }, ct);
            var connection = await session.ConnectionAsync(ct);
            return await connection.ExecuteScalarAsync<long>(new CommandDefinition(
                "SELECT count(*) FROM dark_launch_captured_writes", transaction: session.Transaction, cancellationToken: ct));
        }, CancellationToken.None);

        Assert.Equal(0, capturedInside);
        Assert.Empty(session.CommittedWrites);
    }

    [Fact]
    public async Task RunAndRollBack_OfABinaryCopy_CapturesTheCopiedRows()
    {
        await database.ExecuteAsync(InsertCamera, new { id = "wc_copy" });
        await using var session = Session();
        var row = new IngestRecordRow("wc_copy", new DateTime(2026, 11, 20, 10, 0, 0, DateTimeKind.Utc), 1, "[]", 5,
            [new IngestViolationRow("no_mask", 0.9, null)]);

        var run = await session.RunAndRollBackAsync(ct => DetectionIngestWriter.WriteAsync(session, [row, row], ct),
            CancellationToken.None);

        Assert.Equal(2, run.Writes.Count(w => w is { Table: "detection_records", Operation: WriteOperations.Insert }));
        Assert.Equal(2, run.Writes.Count(w => w is { Table: "violations", Operation: WriteOperations.Insert }));
        Assert.Equal(0, await CountAsync("SELECT count(*) FROM detection_records WHERE camera_id = 'wc_copy'"));
    }

    private DbSession Session() => database.CreateSession();

    private static async Task ExecuteAsync(DbSession session, string sql, object? parameters, CancellationToken cancellationToken)
    {
        var connection = await session.ConnectionAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(sql, parameters, session.Transaction, cancellationToken: cancellationToken));
    }

    private async Task<long> CountAsync(string sql)
    {
        await using var connection = await database.DataSource.OpenConnectionAsync();
        return await connection.ExecuteScalarAsync<long>(sql);
    }
}
