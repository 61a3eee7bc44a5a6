using CameraMonitor.Application.Common.Errors;
using CameraMonitor.Domain.Cameras;
using CameraMonitor.Infrastructure.Persistence.Repositories;
using CameraMonitor.Testing;

namespace CameraMonitor.Infrastructure.IntegrationTests.Cameras;

public sealed class CameraRepositoryConflictTests(DatabaseFixture database) : IClassFixture<DatabaseFixture>
{
    [Fact]
    public async Task Add_WhenTheIdWasTakenMeanwhile_ThrowsAConflictNotADatabaseError()
    {
        var clock = TimeProvider.System;
        await AddInTransactionAsync(Camera.Create("taken", "First", "", "rtsp://127.0.0.1/1", true, CameraStatus.Online, clock));

        var error = await Assert.ThrowsAsync<ConflictException>(() =>
            AddInTransactionAsync(Camera.Create("taken", "Second", "", "rtsp://127.0.0.1/2", true, CameraStatus.Online, clock)));

        Assert.Contains("taken", error.Message, StringComparison.Ordinal);
    }

    private async Task AddInTransactionAsync(Camera camera)
    {
        await using var session = database.CreateSession();
        await session.ExecuteInTransactionAsync(async ct =>
        {
            await new CameraRepository(session).AddAsync(camera, ct);
            return true;
        }, CancellationToken.None);
    }
}
