namespace CameraMonitor.Application.Rollout.Routing;

/// <summary>Re-reads the run-time overrides now (after a change made by this instance, or on a notification).</summary>
public interface IRolloutStateRefresher
{
    Task RefreshAsync(CancellationToken cancellationToken);
}
