using CameraMonitor.Infrastructure.Persistence;
using CameraMonitor.Infrastructure.Persistence.LocalPostgres;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace CameraMonitor.Api.IntegrationTests.Faults;

/// <summary>
/// The API over a PostgreSQL cluster of its own, which tests may stop and restart (on the same port) without
/// touching the shared test server. Short connect and command timeouts keep an outage from stalling the test.
/// </summary>
public sealed class OwnClusterApiFixture : CameraMonitor.Api.IntegrationTests.Infrastructure.ApiFixture
{
    private readonly string _dataDirectory =
        Path.Combine(Path.GetTempPath(), "cameramonitor-faults-pg-" + Guid.NewGuid().ToString("N")[..12]);

    private LocalPostgresServer? _server;
    private int _port;

    public async Task StopClusterAsync()
    {
        await _server!.DisposeAsync();
        _server = null;
    }

    public async Task StartClusterAsync() => _server = await LocalPostgresServer.StartAsync(_dataDirectory, port: _port);

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }

        try
        {
            Directory.Delete(_dataDirectory, recursive: true);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            // the OS cleans /tmp; never fail a test over it
        }
    }

    protected override async Task<string> CreateDatabaseAsync()
    {
        _server = await LocalPostgresServer.StartAsync(_dataDirectory);
        _port = _server.Port;
        var connectionString = new NpgsqlConnectionStringBuilder(_server.ConnectionString())
        {
            Timeout = 3,
            CommandTimeout = 10,
        }.ConnectionString;
        await new MigrationRunner(NullLogger<MigrationRunner>.Instance).MigrateAsync(connectionString, CancellationToken.None);
        return connectionString;
    }

    protected override void ConfigureHost(IWebHostBuilder builder) =>
        builder.UseSetting("Database:RetryAfterSeconds", "1");
}
