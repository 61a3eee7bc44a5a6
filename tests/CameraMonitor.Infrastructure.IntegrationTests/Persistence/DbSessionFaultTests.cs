using CameraMonitor.Testing;
using Dapper;
using Npgsql;

namespace CameraMonitor.Infrastructure.IntegrationTests.Persistence;

/// <summary>The unit of work under faults: conflicts retried whole and bounded, nothing else retried.</summary>
public sealed class DbSessionFaultTests(DatabaseFixture database) : IClassFixture<DatabaseFixture>
{
    [Theory]
    [InlineData("40001")]
    [InlineData("40P01")]
    public async Task ExecuteInTransaction_WhenAnAttemptHitsAConflict_RunsTheWholeTransactionAgainAndCommitsOnce(string sqlState)
    {
        await database.ExecuteAsync("CREATE TABLE IF NOT EXISTS retry_probe (attempt int NOT NULL)");
        await database.ExecuteAsync("TRUNCATE retry_probe");
        await using var session = database.CreateSession();
        var attempts = 0;

        await session.ExecuteInTransactionAsync(async ct =>
        {
            attempts++;
            var connection = await session.ConnectionAsync(ct);
            await connection.ExecuteAsync("INSERT INTO retry_probe VALUES (@attempts)", new { attempts }, session.Transaction);
            return attempts == 1 ? throw new PostgresException("conflict", "ERROR", "ERROR", sqlState) : attempts;
        }, CancellationToken.None);

        Assert.Equal(2, attempts);
        await using var check = await database.DataSource.OpenConnectionAsync();
        var stored = (await check.QueryAsync<int>("SELECT attempt FROM retry_probe")).ToList();
        Assert.Equal(2, Assert.Single(stored));
    }

    [Fact]
    public async Task ExecuteInTransaction_WhenConflictsPersist_GivesUpAfterTheBoundedRetries()
    {
        await using var session = database.CreateSession();
        var attempts = 0;

        await Assert.ThrowsAsync<PostgresException>(() => session.ExecuteInTransactionAsync<int>(_ =>
        {
            attempts++;
            throw new PostgresException("conflict", "ERROR", "ERROR", "40001");
        }, CancellationToken.None));

        Assert.Equal(1 + 3, attempts);
    }

    [Fact]
    public async Task ExecuteInTransaction_WhenTheFaultIsNotAConflict_DoesNotRetry()
    {
        await using var session = database.CreateSession();
        var attempts = 0;

        await Assert.ThrowsAsync<PostgresException>(() => session.ExecuteInTransactionAsync<int>(_ =>
        {
            attempts++;
            throw new PostgresException("broken", "ERROR", "ERROR", "23505");
        }, CancellationToken.None));

        Assert.Equal(1, attempts);
    }
}
