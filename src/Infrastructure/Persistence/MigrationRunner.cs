using DbUp;
using DbUp.Engine.Output;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace CameraMonitor.Infrastructure.Persistence;

/// <summary>
/// Applies the embedded <c>Migrations/*.sql</c> scripts with DbUp. DbUp itself does not lock, so the run is
/// wrapped in a session-level advisory lock: when several instances start at once, one migrates and the
/// others wait, then find nothing left to do.
/// </summary>
public sealed class MigrationRunner(ILogger<MigrationRunner> logger)
{
    // An arbitrary constant shared by every instance of CameraMonitor ("camera" in ASCII).
    private const long AdvisoryLockKey = 0x63616d657261;

    /// <param name="stopBefore">
    /// A script number (e.g. "0016"): only the scripts numbered below it are applied. Tests use it to build a
    /// database as an older release left it, fill it, and then migrate it the rest of the way.
    /// </param>
    public async Task MigrateAsync(string connectionString, CancellationToken cancellationToken, string? stopBefore = null)
    {
        await using var lockConnection = new NpgsqlConnection(connectionString);
        await lockConnection.OpenAsync(cancellationToken);
        await using (var take = new NpgsqlCommand("SELECT pg_advisory_lock(@key)", lockConnection))
        {
            take.Parameters.AddWithValue("key", AdvisoryLockKey);
            await take.ExecuteNonQueryAsync(cancellationToken);
        }

        try
        {
            var upgrader = DeployChanges.To
                .PostgresqlDatabase(connectionString)
                .WithScriptsEmbeddedInAssembly(typeof(MigrationRunner).Assembly,
                    name => name.Contains(".Persistence.Migrations.", StringComparison.Ordinal)
                            && (stopBefore is null || string.CompareOrdinal(ScriptNumber(name), stopBefore) < 0))
                .WithTransactionPerScript()
                .LogTo(new DbUpLogger(logger))
                .Build();
            var result = upgrader.PerformUpgrade();
            if (!result.Successful)
            {
                throw new InvalidOperationException(
                    $"Database migration failed at {result.ErrorScript?.Name}: {result.Error?.Message}", result.Error);
            }

            logger.LogInformation("Database schema is current ({Applied} script(s) applied now)", result.Scripts.Count());
        }
        finally
        {
            await using var release = new NpgsqlCommand("SELECT pg_advisory_unlock(@key)", lockConnection);
            release.Parameters.AddWithValue("key", AdvisoryLockKey);
            await release.ExecuteNonQueryAsync(CancellationToken.None);
        }
    }

    private static string ScriptNumber(string resourceName) =>
        resourceName[(resourceName.IndexOf(".Persistence.Migrations.", StringComparison.Ordinal) + ".Persistence.Migrations.".Length)..];

    private sealed class DbUpLogger(ILogger logger) : IUpgradeLog
    {
        public void LogTrace(string format, params object[] args) => logger.LogTrace(format, args);

        public void LogDebug(string format, params object[] args) => logger.LogDebug(format, args);

        // DbUp's information lines name each script as it runs: start-up progress an operator wants to see.
        public void LogInformation(string format, params object[] args) => logger.LogInformation(format, args);

        public void LogWarning(string format, params object[] args) => logger.LogWarning(format, args);

        public void LogError(string format, params object[] args) => logger.LogError(format, args);

        public void LogError(Exception ex, string format, params object[] args) => logger.LogError(ex, format, args);
    }
}
