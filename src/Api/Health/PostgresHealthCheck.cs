using Microsoft.Extensions.Diagnostics.HealthChecks;
using Npgsql;

namespace CameraMonitor.Api.Health;

/// <summary>
/// Ready means the database answers a round trip (AspNetCore.HealthChecks.NpgSql is only 3.0.0 here), within a few
/// seconds: an exhausted pool or a silent network must fail the probe, not hang it. A new connection is taken each
/// time, so readiness returns by itself once the database is back.
/// </summary>
public sealed class PostgresHealthCheck(NpgsqlDataSource dataSource) : IHealthCheck
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(5);

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context,
        CancellationToken cancellationToken = default)
    {
        using var bounded = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        bounded.CancelAfter(Bound);
        try
        {
            await using var command = dataSource.CreateCommand("SELECT 1");
            await command.ExecuteScalarAsync(bounded.Token);
            return HealthCheckResult.Healthy("PostgreSQL answered.");
        }
        catch (Exception exception) when (exception is NpgsqlException or TimeoutException or InvalidOperationException
                                              || (exception is OperationCanceledException && !cancellationToken.IsCancellationRequested))
        {
            return HealthCheckResult.Unhealthy("PostgreSQL did not answer.", exception);
        }
    }
}
