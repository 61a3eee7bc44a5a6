using Microsoft.Extensions.Diagnostics.HealthChecks;
using Npgsql;

namespace CameraMonitor.Api.Health;

/// <summary>Ready means the database answers a round trip (AspNetCore.HealthChecks.NpgSql is only 3.0.0 here).</summary>
public sealed class PostgresHealthCheck(NpgsqlDataSource dataSource) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context,
        CancellationToken cancellationToken = default)
    {
        try
        {
            await using var command = dataSource.CreateCommand("SELECT 1");
            await command.ExecuteScalarAsync(cancellationToken);
            return HealthCheckResult.Healthy("PostgreSQL answered.");
        }
        catch (Exception exception) when (exception is NpgsqlException or TimeoutException or InvalidOperationException)
        {
            return HealthCheckResult.Unhealthy("PostgreSQL did not answer.", exception);
        }
    }
}
