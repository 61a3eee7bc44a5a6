using CameraMonitor.Application.Rollout.Routing;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npgsql;

namespace CameraMonitor.Infrastructure.Rollout;

/// <summary>
/// Keeps this instance's rollout state in step with PostgreSQL: LISTEN on a dedicated connection and
/// re-read on every notification, and re-read anyway every Rollout:RefreshIntervalSeconds, so a change
/// whose notification was lost (connection dropped, reconnecting) still arrives within one interval.
/// </summary>
public sealed class RolloutChangeListener(
    NpgsqlDataSource dataSource,
    IRolloutStateRefresher state,
    IOptions<RolloutOptions> options,
    ILogger<RolloutChangeListener> logger) : BackgroundService
{
    private static readonly TimeSpan ReconnectDelay = TimeSpan.FromSeconds(1);

    public override async Task StartAsync(CancellationToken cancellationToken)
    {
        // The first read happens before the host serves requests, so no request sees configuration alone.
        try
        {
            await state.RefreshAsync(cancellationToken);
        }
        catch (Exception exception) when (exception is NpgsqlException or InvalidOperationException)
        {
            logger.LogWarning(exception, "Could not read the rollout overrides at start-up; retrying in the background");
        }

        await base.StartAsync(cancellationToken);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var interval = TimeSpan.FromSeconds(options.Value.RefreshIntervalSeconds);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await using var connection = await dataSource.OpenConnectionAsync(stoppingToken);
                await using (var listen = new NpgsqlCommand($"LISTEN {RolloutSql.Channel}", connection))
                {
                    await listen.ExecuteNonQueryAsync(stoppingToken);
                }

                // Changes made while this connection was down were not announced to it: catch up first.
                await state.RefreshAsync(stoppingToken);
                while (!stoppingToken.IsCancellationRequested)
                {
                    // true: a notification arrived; false: the interval passed. Either way, re-read.
                    await connection.WaitAsync(interval, stoppingToken);
                    await state.RefreshAsync(stoppingToken);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception exception)
            {
                logger.LogWarning(exception, "The rollout change listener lost its connection; reconnecting in {Delay}", ReconnectDelay);
                try
                {
                    await Task.Delay(ReconnectDelay, stoppingToken);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }
        }
    }
}
