using CameraMonitor.Application.Cameras.ListCameras;
using CameraMonitor.Domain.Cameras;
using CameraMonitor.Infrastructure.Legacy.Cameras;
using CameraMonitor.Infrastructure.Persistence;
using CameraMonitor.Infrastructure.Persistence.Repositories;
using CameraMonitor.Testing;
using Dapper;
using Microsoft.Extensions.Time.Testing;

namespace CameraMonitor.Infrastructure.IntegrationTests.Persistence;

public sealed class CameraRepositoryTests : IClassFixture<DatabaseFixture>
{
    private static readonly TimeProvider Clock = new FakeTimeProvider(new DateTimeOffset(2026, 3, 1, 8, 0, 0, TimeSpan.Zero).AddTicks(5));
    private readonly DatabaseFixture _database;

    public CameraRepositoryTests(DatabaseFixture database)
    {
        _database = database;
        DefaultTypeMap.MatchNamesWithUnderscores = true;
    }

    [Fact]
    public async Task AddThenFind_ReturnsAnEqualCamera()
    {
        var camera = Camera.Create("repo-add", "Dock", "Yard", "rtsp://127.0.0.1/x", true, CameraStatus.Online, Clock);

        await InTransaction(repository => repository.AddAsync(camera, CancellationToken.None));
        var found = await WithRepository(repository => repository.FindAsync(camera.Id, CancellationToken.None));

        Assert.NotNull(found);
        Assert.Equal((camera.Name, camera.Location, camera.SourceUrl, camera.Enabled, camera.Status, camera.CreatedAt, camera.UpdatedAt),
            (found.Name, found.Location, found.SourceUrl, found.Enabled, found.Status, found.CreatedAt, found.UpdatedAt));
    }

    [Fact]
    public async Task Add_WhenTheTransactionRollsBack_LeavesNoRow()
    {
        var camera = Camera.Create("repo-rollback", "Dock", "", "rtsp://127.0.0.1/x", true, CameraStatus.Unknown, Clock);

        await Assert.ThrowsAsync<InvalidOperationException>(() => InTransaction(async repository =>
        {
            await repository.AddAsync(camera, CancellationToken.None);
            throw new InvalidOperationException("fail after the insert");
        }));

        Assert.Null(await WithRepository(repository => repository.FindAsync(camera.Id, CancellationToken.None)));
    }

    [Fact]
    public async Task LegacyList_AndRepositoryList_SeeTheSameCameras()
    {
        await _database.ExecuteAsync("""
            INSERT INTO cameras (id, name, location, source_url, enabled, status, created_at, updated_at)
            VALUES ('list-b', 'B', '', 'http://127.0.0.1/b', false, 'offline', '2026-01-01Z', '2026-01-02Z'),
                   ('list-a', 'A', 'Hall', 'rtsp://127.0.0.1/a', true, 'online', '2026-01-01Z', '2026-01-01Z')
            """);
        await using var session = NewSession();

        var legacy = await new ListCamerasLegacyHandler(session).Handle(new ListCamerasQuery(), CancellationToken.None);
        var domain = await new CameraRepository(session).ListAsync(CancellationToken.None);

        Assert.Equal(legacy.Cameras.Select(c => c.Id).Order(), domain.Select(c => c.Id.Value).Order());
        Assert.Equal(legacy.Total, legacy.Cameras.Count);
        var b = Assert.Single(legacy.Cameras, c => c.Id == "list-b");
        Assert.Equal(("offline", false, DateTimeKind.Utc), (b.Status, b.Enabled, b.UpdatedAt.Kind));
    }

    private DbSession NewSession() => _database.CreateSession();

    private async Task InTransaction(Func<CameraRepository, Task> work)
    {
        await using var session = NewSession();
        await session.ExecuteInTransactionAsync(async _ =>
        {
            await work(new CameraRepository(session));
            return 0;
        }, CancellationToken.None);
    }

    private async Task<T> WithRepository<T>(Func<CameraRepository, Task<T>> work)
    {
        await using var session = NewSession();
        return await work(new CameraRepository(session));
    }
}
