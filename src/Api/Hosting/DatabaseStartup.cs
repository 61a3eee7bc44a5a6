using CameraMonitor.Application.Cameras;
using CameraMonitor.Application.SystemInfo;
using CameraMonitor.Infrastructure.Persistence;
using CameraMonitor.Infrastructure.Persistence.DemoData;
using CameraMonitor.Infrastructure.Persistence.LocalPostgres;

namespace CameraMonitor.Api.Hosting;

public static class DatabaseStartup
{
    private const string ConnectionStringKey = "ConnectionStrings:" + PersistenceOptions.ConnectionStringName;

    /// <summary>
    /// Before the first request: with no connection string, start a local PostgreSQL under the configured
    /// data folder (stopped again on shutdown); then migrate; then load demo data if asked to.
    /// </summary>
    public static async Task InitializeDatabaseAsync(this WebApplication app)
    {
        _ = app.Services.GetRequiredService<HostInfo>(); // fixes started_at at the start of the host
        var configuration = app.Configuration;
        var logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(DatabaseStartup));
        if (string.IsNullOrWhiteSpace(configuration[ConnectionStringKey]))
        {
            var dataFolder = Path.Combine(app.Environment.ContentRootPath,
                configuration["LocalPostgres:DataDirectory"] ?? "../../.data/postgres");
            var server = await LocalPostgresServer.StartAsync(dataFolder);
            configuration[ConnectionStringKey] = server.ConnectionString();
            app.Lifetime.ApplicationStopped.Register(() => server.DisposeAsync().AsTask().GetAwaiter().GetResult());
            logger.LogInformation("No connection string given: using local PostgreSQL on 127.0.0.1:{Port} (data in {DataDirectory})",
                server.Port, server.DataDirectory);
        }

        await app.Services.GetRequiredService<MigrationRunner>().MigrateAsync(configuration[ConnectionStringKey]!, app.Lifetime.ApplicationStopping);
        if (configuration.GetValue<bool>("DemoData:Load"))
        {
            await app.Services.GetRequiredService<DemoDataSeeder>().SeedAsync(app.Lifetime.ApplicationStopping);
        }

        // The database won: repair a cameras.yaml a crash between commit and rewrite (or a hand edit) left behind.
        // An unwritable file does not stop the API (the database is the truth); the consistency check shows it.
        await using (var scope = app.Services.CreateAsyncScope())
        {
            try
            {
                await scope.ServiceProvider.GetRequiredService<ICameraMirror>().ReconcileAsync(app.Lifetime.ApplicationStopping);
            }
            catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
            {
                logger.LogError(exception, "The camera mirror could not be reconciled at start-up");
            }
        }
    }
}
