using System.Text.Json;
using CameraMonitor.Infrastructure.Persistence;
using CameraMonitor.Infrastructure.Persistence.Retention;
using Microsoft.Extensions.Options;
using Npgsql;

namespace CameraMonitor.Api.Hosting;

/// <summary>
/// `dotnet CameraMonitor.Api.dll maintain-partitions` (or `dotnet run --project src/Api -- maintain-partitions`) with
/// ConnectionStrings:Postgres set: runs partition maintenance once with the configured Retention settings on a
/// migrated database, prints what it did as JSON and exits — for operators who want a run now, and for
/// scripts/bench_scale.sh. Exit code 0 after a run, 2 when another instance held the maintenance lock, 1 on error.
/// </summary>
public static class PartitionMaintenanceCommand
{
    public const string CommandName = "maintain-partitions";

    public static bool IsRequested(string[] args) => args.Length > 0 && args[0] == CommandName;

    public static async Task<int> RunAsync(IServiceProvider services, IConfiguration configuration, TextWriter output,
        TextWriter error)
    {
        // Never the local development cluster: this command must not start (and then orphan) a PostgreSQL of its own.
        if (string.IsNullOrWhiteSpace(configuration.GetConnectionString(PersistenceOptions.ConnectionStringName)))
        {
            await error.WriteLineAsync($"{CommandName}: set ConnectionStrings:{PersistenceOptions.ConnectionStringName} to the database to maintain.");
            return 1;
        }

        try
        {
            var result = await services.GetRequiredService<PartitionMaintainer>().RunOnceAsync(CancellationToken.None);
            await output.WriteLineAsync(JsonSerializer.Serialize(result, JsonSerializerOptions.Web));
            return result.Skipped ? 2 : 0;
        }
        catch (Exception exception) when (exception is NpgsqlException or OptionsValidationException)
        {
            await error.WriteLineAsync($"{CommandName}: {exception.Message}");
            return 1;
        }
    }
}
