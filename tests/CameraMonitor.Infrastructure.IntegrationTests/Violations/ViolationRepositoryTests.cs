using CameraMonitor.Domain.Violations;
using CameraMonitor.Infrastructure.Persistence;
using CameraMonitor.Infrastructure.Persistence.Repositories;
using CameraMonitor.Testing;
using Dapper;
using Microsoft.Extensions.Time.Testing;

namespace CameraMonitor.Infrastructure.IntegrationTests.Violations;

/// <summary>The violation repository and the rollup move against real PostgreSQL (each test on its own rows).</summary>
public sealed class ViolationRepositoryTests : IClassFixture<DatabaseFixture>
{
    private static readonly TimeProvider Clock = new FakeTimeProvider(new DateTimeOffset(2026, 11, 20, 12, 0, 0, TimeSpan.Zero));
    private readonly DatabaseFixture _database;

    public ViolationRepositoryTests(DatabaseFixture database)
    {
        _database = database;
        DefaultTypeMap.MatchNamesWithUnderscores = true;
    }

    [Fact]
    public async Task Update_WhenTheStatusMoves_MovesTheRollupCellAndDeletesTheEmptiedOne()
    {
        var id = await InsertAsync("move", "pending");
        await _database.ExecuteAsync("SELECT rebuild_hourly_rollups()");

        var stored = await ChangeAsync(id, ViolationStatus.Confirmed);

        Assert.True(stored);
        Assert.Equal(["confirmed|1|0.75"], await CellsAsync("move"));
    }

    [Fact]
    public async Task Update_WhenTheRollupCellWasMissing_NeverLeavesANegativeCell()
    {
        var id = await InsertAsync("missing", "pending"); // rollups not rebuilt: no pending cell to take from

        await ChangeAsync(id, ViolationStatus.FalsePositive);

        Assert.Equal(["false_positive|1|0.75"], await CellsAsync("missing"));
    }

    [Fact]
    public async Task Update_WhenTheRowChangedSinceItWasRead_ReturnsFalseAndWritesNothing()
    {
        var id = await InsertAsync("stale", "pending");
        await _database.ExecuteAsync("SELECT rebuild_hourly_rollups()");
        var stale = await FindAsync(id);
        await ChangeAsync(id, ViolationStatus.Confirmed);

        stale.ChangeStatus(ViolationStatus.FalsePositive, "late", "bob", Clock);
        var stored = await InTransactionAsync(repository => repository.UpdateAsync(stale, CancellationToken.None));

        Assert.False(stored);
        Assert.Equal(ViolationStatus.Confirmed, (await FindAsync(id)).Status);
        Assert.Equal(["confirmed|1|0.75"], await CellsAsync("stale"));
    }

    [Fact]
    public async Task Search_FiltersAndPagesNewestFirst_AndCountIgnoresPaging()
    {
        foreach (var status in new[] { "pending", "confirmed", "pending", "pending" })
        {
            await InsertAsync("search", status);
        }

        // Inserted by SQL, not by ingest: recount the rollups the count is taken from.
        await _database.ExecuteAsync("SELECT rebuild_hourly_rollups()");

        var search = new ViolationSearch(null, null, "search", "no_mask", ViolationStatus.Pending, 2, 1);
        await using var session = NewSession();
        var repository = new ViolationRepository(session);
        var page = await repository.SearchAsync(search, CancellationToken.None);
        var total = await repository.CountAsync(search, CancellationToken.None);

        Assert.Equal(3, total);
        Assert.Equal(2, page.Count);
        Assert.True(page[0].Id > page[1].Id, "same detected_at: newest id first");
        Assert.All(page, v => Assert.Equal(ViolationStatus.Pending, v.Status));
    }

    private async Task<long> InsertAsync(string camera, string status)
    {
        await using var connection = await _database.DataSource.OpenConnectionAsync();
        return await connection.ExecuteScalarAsync<long>("""
            INSERT INTO violations (camera_id, violation_type, confidence, status, detected_at)
            VALUES (@camera, 'no_mask', 0.75, @status, '2026-11-20T10:15:00Z') RETURNING id
            """, new { camera, status });
    }

    private async Task<bool> ChangeAsync(long id, ViolationStatus to)
    {
        var violation = await FindAsync(id);
        violation.ChangeStatus(to, null, "tester", Clock);
        return await InTransactionAsync(repository => repository.UpdateAsync(violation, CancellationToken.None));
    }

    private async Task<Violation> FindAsync(long id)
    {
        await using var session = NewSession();
        return (await new ViolationRepository(session).FindAsync(id, CancellationToken.None))!;
    }

    private async Task<List<string>> CellsAsync(string camera)
    {
        await using var connection = await _database.DataSource.OpenConnectionAsync();
        return (await connection.QueryAsync<string>("""
            SELECT status || '|' || violation_count || '|' || round(confidence_sum::numeric, 2)
              FROM violation_hourly_rollups WHERE camera_id = @camera ORDER BY status
            """, new { camera })).ToList();
    }

    private async Task<T> InTransactionAsync<T>(Func<ViolationRepository, Task<T>> work)
    {
        await using var session = NewSession();
        return await session.ExecuteInTransactionAsync(_ => work(new ViolationRepository(session)), CancellationToken.None);
    }

    private DbSession NewSession() => _database.CreateSession();
}
