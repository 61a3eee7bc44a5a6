namespace CameraMonitor.Application.Rollout.Evidence;

/// <param name="LatencyCount">How many latencies the path's window had ever been given (see <see cref="LatencyWindow.Count"/>).</param>
public sealed record PathSnapshot(long Requests, long Errors, long LatencyCount)
{
    public static readonly PathSnapshot Empty = new(0, 0, 0);
}
