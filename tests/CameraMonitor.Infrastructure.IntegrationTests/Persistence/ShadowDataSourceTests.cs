using CameraMonitor.Infrastructure.Persistence;
using Npgsql;

namespace CameraMonitor.Infrastructure.IntegrationTests.Persistence;

public sealed class ShadowDataSourceTests
{
    [Fact]
    public async Task Build_KeepsTheConnectionStringsOwnOptions_AndAddsNoParallelQuery_TheShadowName_AndItsPoolSize()
    {
        await using var shadow = ShadowDataSource.Build(
            "Host=127.0.0.1;Username=postgres;Database=cm;Application Name=api-eu;Options=-c search_path=cm", maxConnections: 3);

        var settings = new NpgsqlConnectionStringBuilder(shadow.DataSource.ConnectionString);
        Assert.Equal(("127.0.0.1", "cm"), (settings.Host, settings.Database));
        Assert.Equal("api-eu-shadow", settings.ApplicationName);
        Assert.Equal("-c search_path=cm -c max_parallel_workers_per_gather=0", settings.Options);
        Assert.Equal((3, 0), (settings.MaxPoolSize, settings.MinPoolSize));
    }

    [Fact]
    public async Task Build_WithoutAnApplicationName_NamesItsConnectionsCameraMonitorShadow()
    {
        await using var shadow = ShadowDataSource.Build("Host=127.0.0.1;Username=postgres;Minimum Pool Size=5", maxConnections: 1);

        var settings = new NpgsqlConnectionStringBuilder(shadow.DataSource.ConnectionString);
        Assert.Equal("cameramonitor-shadow", settings.ApplicationName);
        Assert.Equal("-c max_parallel_workers_per_gather=0", settings.Options);
        Assert.Equal((1, 0), (settings.MaxPoolSize, settings.MinPoolSize));
    }
}
