using CameraMonitor.Infrastructure.Persistence;
using CameraMonitor.Infrastructure.Persistence.LocalPostgres;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace CameraMonitor.Testing;

/// <summary>
/// One throwaway PostgreSQL cluster per test process (or the server named by CAMERAMONITOR_TEST_PG, a
/// connection string with rights to create databases). Every test class gets its own fresh, migrated
/// database, so classes run in parallel without seeing each other's rows.
/// </summary>
public static class PostgresTestServer
{
    public const string EnvironmentVariable = "CAMERAMONITOR_TEST_PG";

    private static readonly Lazy<Task<string>> AdminConnectionString = new(StartAsync);

    /// <summary>Creates an empty database, migrated unless told otherwise, and returns its connection string.</summary>
    public static async Task<string> CreateDatabaseAsync(bool migrate = true)
    {
        var admin = await AdminConnectionString.Value;
        var name = "test_" + Guid.NewGuid().ToString("N");
        await using (var connection = new NpgsqlConnection(admin))
        {
            await connection.OpenAsync();
            await using var create = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", connection);
            await create.ExecuteNonQueryAsync();
        }

        var connectionString = new NpgsqlConnectionStringBuilder(admin) { Database = name }.ConnectionString;
        if (migrate)
        {
            await new MigrationRunner(NullLogger<MigrationRunner>.Instance).MigrateAsync(connectionString, CancellationToken.None);
        }

        return connectionString;
    }

    private const string DirectoryPrefix = "cameramonitor-test-pg-";

    /// <summary>A test host may be killed before its exit handler deletes the cluster; stopped leftovers go here.</summary>
    private static void RemoveStaleClusters()
    {
        foreach (var directory in Directory.GetDirectories(Path.GetTempPath(), DirectoryPrefix + "*"))
        {
            // Running, or being initialised right now by another test process: not ours to remove.
            if (File.Exists(Path.Combine(directory, "postmaster.pid"))
                || Directory.GetLastWriteTimeUtc(directory) > DateTime.UtcNow.AddHours(-1))
            {
                continue;
            }

            try
            {
                Directory.Delete(directory, recursive: true);
            }
            catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
            {
                // best effort only
            }
        }
    }

    private static async Task<string> StartAsync()
    {
        var external = Environment.GetEnvironmentVariable(EnvironmentVariable);
        if (!string.IsNullOrWhiteSpace(external))
        {
            return external;
        }

        RemoveStaleClusters();
        var dataDirectory = Path.Combine(Path.GetTempPath(), DirectoryPrefix + Guid.NewGuid().ToString("N")[..12]);
        var server = await LocalPostgresServer.StartAsync(dataDirectory);
        AppDomain.CurrentDomain.ProcessExit += (_, _) =>
        {
            server.DisposeAsync().AsTask().GetAwaiter().GetResult();
            try
            {
                Directory.Delete(dataDirectory, recursive: true);
            }
            catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
            {
                // left for the OS to clean from /tmp; never fail a test run over it
            }
        };
        return server.ConnectionString("postgres");
    }
}
