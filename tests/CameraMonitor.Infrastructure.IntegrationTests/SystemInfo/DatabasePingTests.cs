using CameraMonitor.Application.SystemInfo;
using CameraMonitor.Infrastructure.Persistence;
using CameraMonitor.Testing;
using Npgsql;

namespace CameraMonitor.Infrastructure.IntegrationTests.SystemInfo;

public sealed class DatabasePingTests(DatabaseFixture database) : IClassFixture<DatabaseFixture>
{
    [Fact]
    public async Task Measure_WhenTheDatabaseAnswers_IsUpWithALatency()
    {
        var status = await new DatabaseProbe(database.DataSource).PingAsync(CancellationToken.None);

        Assert.Equal(DatabaseStatus.Up, status.Status);
        Assert.True(status.LatencyMs > 0);
    }

    [Fact]
    public async Task Measure_WhenNoServerListens_IsDownWithoutThrowing()
    {
        // Port 1 on loopback: nothing listens there, the connection is refused at once.
        await using var nowhere = NpgsqlDataSource.Create("Host=127.0.0.1;Port=1;Username=x;Password=x;Timeout=2");

        var status = await new DatabaseProbe(nowhere).PingAsync(CancellationToken.None);

        Assert.Equal((DatabaseStatus.Down, (double?)null), (status.Status, status.LatencyMs));
    }
}
