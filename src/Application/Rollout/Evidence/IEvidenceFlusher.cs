namespace CameraMonitor.Application.Rollout.Evidence;

/// <summary>
/// Publishes what this instance recorded so far right now (instead of at the next interval), so a report or an
/// evaluation read on this instance includes its own latest requests. Never called on the request path.
/// </summary>
public interface IEvidenceFlusher
{
    /// <summary>True when everything recorded so far reached PostgreSQL; false when it stays buffered (database away).</summary>
    Task<bool> FlushAsync(CancellationToken cancellationToken);
}
