using CameraMonitor.Infrastructure.Persistence.LocalPostgres;
using Npgsql;

namespace CameraMonitor.Infrastructure.IntegrationTests.Persistence;

public sealed class LocalPostgresServerTests
{
    [Fact]
    public async Task Start_WhenTheFolderIsInsideOneOnlyItsOwnerMayEnter_StillStartsAndStopsAServer()
    {
        // Like a checkout under /root: CreateTempSubdirectory makes a mode-700 folder, which the postgres
        // user cannot enter when the tests run as root.
        var privateRoot = Directory.CreateTempSubdirectory("cameramonitor-private-").FullName;
        var requested = Path.Combine(privateRoot, "data", "postgres");
        var server = await LocalPostgresServer.StartAsync(requested);
        try
        {
            await using var connection = new NpgsqlConnection(server.ConnectionString());
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand("SELECT 1", connection);
            Assert.Equal(1, await command.ExecuteScalarAsync());
            Assert.True(File.Exists(Path.Combine(server.DataDirectory, "PG_VERSION")));
        }
        finally
        {
            await server.DisposeAsync();
            Directory.Delete(privateRoot, recursive: true);
            if (server.DataDirectory != requested)
            {
                Directory.Delete(server.DataDirectory, recursive: true);
            }
        }

        Assert.False(File.Exists(Path.Combine(server.DataDirectory, "postmaster.pid")));
    }
}
