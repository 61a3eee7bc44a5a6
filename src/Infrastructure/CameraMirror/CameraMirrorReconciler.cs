using CameraMonitor.Application.Cameras;
using CameraMonitor.Infrastructure.Persistence;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace CameraMonitor.Infrastructure.CameraMirror;

/// <summary>
/// Repairs cameras.yaml from the database in the background: at once when asked (a commit whose outcome is unknown,
/// a rewrite that failed), retrying every second until the database answers, and every
/// <c>CameraMirror:ReconcileIntervalSeconds</c> anyway (0: only when asked), so a missed rewrite lasts seconds,
/// not until the next start.
/// </summary>
public sealed class CameraMirrorReconciler(IServiceScopeFactory scopes, TimeSpan interval, ILogger<CameraMirrorReconciler> logger)
    : BackgroundService, IAfterCommitReconciler
{
    public const string IntervalKey = "CameraMirror:ReconcileIntervalSeconds";
    public const int DefaultIntervalSeconds = 60;
    private static readonly TimeSpan RetryDelay = TimeSpan.FromSeconds(1);

    private readonly SemaphoreSlim _requested = new(0, 1);

    public void ScheduleReconcile()
    {
        // At most one pending request: several failures in a row need one repair, not one each.
        try
        {
            _requested.Release();
        }
        catch (SemaphoreFullException)
        {
            // already scheduled
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var pending = false;
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                var wait = pending ? RetryDelay : interval > TimeSpan.Zero ? interval : Timeout.InfiniteTimeSpan;
                await _requested.WaitAsync(wait, stoppingToken);
                pending = !await TryReconcileAsync(stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // shutting down
        }
    }

    private async Task<bool> TryReconcileAsync(CancellationToken cancellationToken)
    {
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<ICameraMirror>().ReconcileAsync(cancellationToken);
            return true;
        }
        catch (Exception exception) when (exception is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            logger.LogWarning(exception, "Reconciling the camera mirror failed; retrying in {Delay}", RetryDelay);
            return false;
        }
    }
}
